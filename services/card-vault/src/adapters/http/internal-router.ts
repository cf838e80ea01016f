import { Router } from 'express';

export interface VaultCalls {
  revealCardNumber(token: string): Promise<string | undefined>;
  isChargeable(token: string): Promise<boolean>;
}

/** The token travels in the body: a path would carry it into the sidecars' and proxies' logs. */
function tokenOf(body: unknown): string {
  const token = (body as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : '';
}

/**
 * Called through Dapr service invocation: financial asks whether a token can be charged;
 * payment, and only payment (the Dapr access control policy), reads the card number.
 */
export function createCardVaultInternalRouter(vault: VaultCalls): Router {
  const router = Router();
  router.post('/internal/cards/chargeable', async (req, res) => {
    res.json({ chargeable: await vault.isChargeable(tokenOf(req.body)) });
  });
  router.post('/internal/cards/reveal', async (req, res) => {
    const number = await vault.revealCardNumber(tokenOf(req.body));
    if (!number) return void res.status(404).json({ found: false });
    res.json({ number });
  });
  return router;
}
