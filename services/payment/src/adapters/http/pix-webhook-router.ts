import {
  problemFor,
  problems,
  rawBodyOf,
  validateRequest,
  type KeyRing,
  type Logger,
  type ProblemTable,
} from '@checkout/service-kit';
import { Router } from 'express';
import {
  confirmPixPayments,
  type ConfirmPixFailure,
  type PixPaymentNotice,
} from '../../app/confirm-pix-payments';
import type { PixChargeStore } from '../../app/pix-ports';
import { pixWebhookSignatureProblem } from '../../domain/pix-webhook-signature';

const failureProblems: ProblemTable<ConfirmPixFailure> = {
  // Financial's event may not have reached payment yet: the provider tries again later.
  unknown_txid: () => problems.notFound('No PIX charge with this txid.'),
  amount_mismatch: () =>
    problems.unprocessable('pix.valor', 'The amount paid is not the amount of the charge.'),
};

export interface PixWebhookDeps {
  store: PixChargeStore;
  logger: Logger;
  /** The secrets shared with the PIX provider (secret `pix-webhook-keys`), by key id. */
  webhookKeys: KeyRing;
}

/**
 * The PIX provider's webhook. The signature is checked first, over the bytes received, so an
 * unsigned or altered request is refused before anything in it is read.
 */
export function createPixWebhookRouter({ store, logger, webhookKeys }: PixWebhookDeps): Router {
  const router = Router();
  router.post(
    '/api/v1/webhooks/pix',
    (req, _res, next) => {
      const signature = req.get('Pix-Signature');
      const problem = pixWebhookSignatureProblem(
        signature,
        rawBodyOf(req),
        (id) => webhookKeys.find(id),
        new Date(),
      );
      if (!problem) return next();
      logger.warn({ problem }, 'PIX webhook refused: bad signature');
      next(problems.unauthorized('The webhook signature is missing, wrong or too old.'));
    },
    validateRequest('receivePixWebhook'),
    async (req, res) => {
      const { pix } = req.body as { pix: PixPaymentNotice[] };
      const result = await confirmPixPayments({ store, logger }, pix);
      if (!result.ok) throw problemFor(failureProblems, result);
      res.json({ received: pix.length });
    },
  );
  return router;
}
