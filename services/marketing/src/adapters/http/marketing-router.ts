import type { ApiSchemas } from '@checkout/contracts';
import { HttpProblem, problemFor, validateRequest, type ProblemTable } from '@checkout/service-kit';
import { Router } from 'express';
import type { LeadStore } from '../../app/ports';
import { registerLead, type RegisterLeadFailure } from '../../app/register-lead';

const failureProblems: ProblemTable<RegisterLeadFailure> = {
  invalid_lead: ({ problems }) =>
    new HttpProblem(422, 'Invalid lead', 'The lead cannot be accepted.', problems),
};

export function createMarketingRouter(store: LeadStore): Router {
  const router = Router();
  router.post('/api/v1/leads', validateRequest('registerLead'), async (req, res) => {
    const result = await registerLead(store, req.body as ApiSchemas['LeadRequest']);
    if (!result.ok) throw problemFor(failureProblems, result);
    const { id, name, email, courseId, status } = result.lead;
    res.status(201).json({ id, name, email, courseId, status } satisfies ApiSchemas['Lead']);
  });
  return router;
}
