import type { ApiSchemas } from '@checkout/contracts';
import { HttpProblem, validateRequest } from '@checkout/service-kit';
import { Router } from 'express';
import { tokenizeCard, type TokenizeCardDeps } from '../../app/tokenize-card';

export function createCardVaultRouter(deps: TokenizeCardDeps): Router {
  const router = Router();
  router.post('/api/v1/cards', validateRequest('tokenizeCard'), async (req, res) => {
    const result = await tokenizeCard(deps, req.body as ApiSchemas['CardRequest']);
    if (!result.ok) {
      throw new HttpProblem(422, 'Invalid card', 'The card cannot be accepted.', result.problems);
    }
    res.status(201).json(result.card satisfies ApiSchemas['CardToken']);
  });
  return router;
}
