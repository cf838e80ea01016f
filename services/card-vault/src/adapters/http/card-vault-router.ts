import type { ApiSchemas } from '@checkout/contracts';
import { HttpProblem, problemFor, validateRequest, type ProblemTable } from '@checkout/service-kit';
import { Router, type RequestHandler } from 'express';
import {
  tokenizeCard,
  type TokenizeCardDeps,
  type TokenizeCardFailure,
} from '../../app/tokenize-card';

const failureProblems: ProblemTable<TokenizeCardFailure> = {
  invalid_card: ({ problems }) =>
    new HttpProblem(422, 'Invalid card', 'The card cannot be accepted.', problems),
};

export interface CardVaultRouterDeps extends TokenizeCardDeps {
  /** The per-client limit; it counts every request, refused cards too, as card testers send many. */
  cardLimit: RequestHandler;
}

export function createCardVaultRouter({ cardLimit, ...deps }: CardVaultRouterDeps): Router {
  const router = Router();
  router.post('/api/v1/cards', cardLimit, validateRequest('tokenizeCard'), async (req, res) => {
    const result = await tokenizeCard(deps, req.body as ApiSchemas['CardRequest']);
    if (!result.ok) throw problemFor(failureProblems, result);
    res.status(201).json(result.card satisfies ApiSchemas['CardToken']);
  });
  return router;
}
