import { Router } from 'express';
import type { ChargeableCard } from '../../app/ports';

export interface VaultCalls {
  revealCardNumber(token: string): Promise<string | undefined>;
  findChargeableCard(token: string): Promise<ChargeableCard | undefined>;
}

/** The token travels in the body: a path would carry it into the sidecars' and proxies' logs. */
function tokenOf(body: unknown): string {
  const token = (body as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : '';
}

/**
 * Called through Dapr service invocation: financial asks whether a token can be charged (and
 * learns the brand and last four digits its receipt shows, never more); payment, and only payment (the Dapr access control policy), reads the card number.
 */
export function createCardVaultInternalRouter(vault: VaultCalls): Router {
  const router = Router();
  router.post('/internal/cards/chargeable', async (req, res) => {
    const card = await vault.findChargeableCard(tokenOf(req.body));
    res.json(
      card ? { chargeable: true, brand: card.brand, last4: card.last4 } : { chargeable: false },
    );
  });
  router.post('/internal/cards/reveal', async (req, res) => {
    const number = await vault.revealCardNumber(tokenOf(req.body));
    if (!number) return void res.status(404).json({ found: false });
    res.json({ number });
  });
  return router;
}
