import { Router } from 'express';

export interface VaultCalls {
  revealCardNumber(token: string): Promise<string | undefined>;
  isChargeable(token: string): Promise<boolean>;
}

/**
 * Called through Dapr service invocation: financial asks whether a token can be charged;
 * payment, and only payment (the Dapr access control policy), reads the card number.
 */
export function createCardVaultInternalRouter(vault: VaultCalls): Router {
  const router = Router();
  router.get('/internal/cards/:token/chargeable', async (req, res) => {
    res.json({ chargeable: await vault.isChargeable(req.params.token) });
  });
  router.post('/internal/cards/:token/reveal', async (req, res) => {
    const number = await vault.revealCardNumber(req.params.token);
    if (!number) return void res.status(404).json({ found: false });
    res.json({ number });
  });
  return router;
}
