import type { ApiSchemas, Language } from '@checkout/contracts';
import {
  businessMetrics,
  HttpProblem,
  problemFor,
  problems,
  validateRequest,
  type ProblemTable,
} from '@checkout/service-kit';
import { Router } from 'express';
import { leadLanguage } from '../../domain/lead-language';
import type { Lead } from '../../domain/lead';
import {
  registerLead,
  type RegisterLeadDeps,
  type RegisterLeadFailure,
} from '../../app/register-lead';

const failureProblems: ProblemTable<RegisterLeadFailure> = {
  invalid_lead: ({ problems }) =>
    new HttpProblem(422, 'Invalid lead', 'The lead cannot be accepted.', problems),
  unknown_course: () => problems.unprocessable('courseId', 'No course with this id.'),
};

const toLeadView = ({ id, name, email, courseId, status, language }: Lead): ApiSchemas['Lead'] => ({
  id,
  name,
  email,
  courseId,
  status,
  language,
});

export interface MarketingRouterDeps extends RegisterLeadDeps {
  /** The platform's language (EMAIL_LANGUAGE), for a lead whose browser names none we write in. */
  defaultLanguage: Language;
}

export function createMarketingRouter({ defaultLanguage, ...deps }: MarketingRouterDeps): Router {
  const router = Router();
  router.post('/api/v1/leads', validateRequest('registerLead'), async (req, res) => {
    const body = req.body as ApiSchemas['LeadRequest'];
    const language = leadLanguage(body.language, req.get('Accept-Language'), defaultLanguage);
    const result = await registerLead(deps, { ...body, language });
    if (!result.ok) throw problemFor(failureProblems, result);
    if (result.created) businessMetrics.leadRegistered('marketing');
    // An open lead of this e-mail and course was updated: the same lead, not a new one.
    res.status(result.created ? 201 : 200).json(toLeadView(result.lead));
  });
  return router;
}
