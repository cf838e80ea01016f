import { specPath } from '@checkout/contracts';
import {
  hashedKey,
  problemFor,
  problems,
  tooManyRequests,
  validateRequest,
  type ProblemTable,
} from '@checkout/service-kit';
import { Router, type RequestHandler, type Response } from 'express';
import {
  acceptCheckout,
  type AcceptCheckoutDeps,
  type AcceptCheckoutFailure,
  type CheckoutRequest,
} from '../../app/accept-checkout';
import { toCheckoutView } from '../../app/checkout-view';
import { listInstallmentOptions } from '../../app/list-installment-options';

/** The router's one table; a function of the response, where a refusal's Retry-After goes. */
const failureProblems = (res: Response): ProblemTable<AcceptCheckoutFailure> => ({
  idempotency_key_reused: () =>
    problems.unprocessable(
      'Idempotency-Key',
      'This key was already used with a different request.',
    ),
  unknown_lead: () => problems.unprocessable('leadId', 'No lead with this id.'),
  unknown_course: () => problems.unprocessable('courseId', 'No course with this id.'),
  too_many_installments: ({ maxInstallments }) =>
    problems.unprocessable(
      'installments',
      `This course is paid in at most ${maxInstallments} installments.`,
    ),
  installments_with_pix: () =>
    problems.unprocessable('installments', 'A PIX payment is made in one go.'),
  unknown_coupon: () => problems.unprocessable('couponCode', 'No coupon with this code.'),
  coupon_not_yet_valid: () => problems.unprocessable('couponCode', 'This coupon is not valid yet.'),
  coupon_expired: () => problems.unprocessable('couponCode', 'This coupon has expired.'),
  coupon_for_another_course: () =>
    problems.unprocessable('couponCode', 'This coupon is for another course.'),
  coupon_used_up: () => problems.unprocessable('couponCode', 'This coupon has no uses left.'),
  // Rules between two fields that the schema does not state: a business rule's 422, since the
  // contract accepts what its schema accepts.
  card_token_missing: () =>
    problems.unprocessable('cardToken', 'A card payment needs a card token.'),
  card_token_with_pix: () =>
    problems.unprocessable('cardToken', 'A PIX payment takes no card token.'),
  unknown_card_token: () =>
    problems.unprocessable('cardToken', 'No chargeable card with this token.'),
  invalid_payer_document: ({ detail }) => problems.unprocessable('payer.document', detail),
  card_token_used: () =>
    problems.conflict(
      'Card token used',
      'This card token already backs a checkout; tokenise the card again.',
      'cardToken',
    ),
  already_enrolled: () =>
    problems.conflict('Already enrolled', 'This lead has already bought this course.', 'courseId'),
  checkout_in_progress: ({ checkoutId }) =>
    problems.conflict(
      'Checkout in progress',
      'A checkout of this course for this lead is still processing.',
      'courseId',
      { checkoutId },
    ),
  too_many_declines: ({ retryAfterMs }) =>
    tooManyRequests(
      res,
      'checkout-declines',
      retryAfterMs,
      'Too many cards were declined lately; try again later.',
    ),
});

/**
 * The catalogue and the API's document are the same for everyone and carry nothing personal: a
 * cache may keep them (over the kit's no-store), asking each time whether they changed (ETag), so
 * a new price is seen at once.
 */
const cacheable: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-cache');
  next();
};

export interface FinancialRouterDeps extends AcceptCheckoutDeps {
  /** Rate limits on POST /checkouts: per client address (any request), per lead (valid ones). */
  checkoutLimits: { perClient: RequestHandler; perLead: RequestHandler };
}

export function createFinancialRouter({ checkoutLimits, ...deps }: FinancialRouterDeps): Router {
  const router = Router();

  // The API's own document, served by the catalogue's owner so that one route reaches it in
  // every runtime (the Ingress and the local edge send /api/v1/openapi.yaml here).
  router.get('/api/v1/openapi.yaml', cacheable, (_req, res) => {
    res.type('application/yaml').sendFile(specPath);
  });

  router.get('/api/v1/courses', cacheable, async (_req, res) => {
    const courses = await deps.store.listCourses();
    res.json({
      items: courses.map(({ id, title, priceCents, currency }) => ({
        id,
        title,
        priceCents,
        currency,
      })),
    });
  });

  router.get(
    '/api/v1/courses/:id/installments',
    cacheable,
    validateRequest('listInstallmentOptions'),
    async (req, res) => {
      // Checked against the spec's path parameter by validateRequest.
      const options = await listInstallmentOptions(deps.store, req.params.id as string);
      if (!options) throw problems.notFound('No course with this id.');
      res.json(options);
    },
  );

  router.post(
    '/api/v1/checkouts',
    checkoutLimits.perClient,
    validateRequest('createCheckout'),
    checkoutLimits.perLead,
    async (req, res) => {
      const key = req.get('Idempotency-Key') as string;
      const clientKey = hashedKey(String(req.ip));
      const result = await acceptCheckout(deps, key, req.body as CheckoutRequest, clientKey);
      if (!result.ok) throw problemFor(failureProblems(res), result);
      res
        .status(result.status)
        .location(`/api/v1/checkouts/${result.checkout.id}`)
        .json(result.checkout);
    },
  );

  router.get('/api/v1/checkouts/:id', validateRequest('getCheckout'), async (req, res) => {
    // Checked against the spec's path parameter by validateRequest.
    const checkout = await deps.store.findCheckout(req.params.id as string);
    if (!checkout) throw problems.notFound('No checkout with this id.');
    res.json(await toCheckoutView(checkout, await deps.store.listAttempts(checkout.id)));
  });

  return router;
}
