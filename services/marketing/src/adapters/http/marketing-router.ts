import type { ApiSchemas } from '@checkout/contracts';
import { HttpProblem, validateRequest } from '@checkout/service-kit';
import { Router } from 'express';
import type { LeadStore } from '../../app/ports';
import { registerLead } from '../../app/register-lead';

export function createMarketingRouter(store: LeadStore): Router {
  const router = Router();
  router.post('/api/v1/leads', validateRequest('registerLead'), async (req, res) => {
    const result = await registerLead(store, req.body as ApiSchemas['LeadRequest']);
    if (!result.ok)
      throw new HttpProblem(422, 'Invalid lead', 'The lead cannot be accepted.', result.problems);
    const { id, name, email, courseId, status } = result.lead;
    res.status(201).json({ id, name, email, courseId, status } satisfies ApiSchemas['Lead']);
  });
  return router;
}
