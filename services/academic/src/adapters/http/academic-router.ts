import type { ApiSchemas } from '@checkout/contracts';
import { problemFor, problems, validateRequest, type ProblemTable } from '@checkout/service-kit';
import { Router } from 'express';
import { activateAccess, type ActivateAccessFailure } from '../../app/activate-access';
import { listMyEnrollments, type ListMyEnrollmentsFailure } from '../../app/list-my-enrollments';
import type { AcademicStore } from '../../app/ports';
import { signIn, type SignInFailure } from '../../app/sign-in';

const failureProblems: ProblemTable<
  ActivateAccessFailure | SignInFailure | ListMyEnrollmentsFailure
> = {
  invalid_token: () =>
    problems.unprocessable('token', 'The activation link is invalid, used or expired.'),
  wrong_credentials: () => problems.unauthorized('Wrong e-mail or password.'),
  invalid_access_token: () => problems.unauthorized('Send a valid access token as a Bearer token.'),
};

export function createAcademicRouter(store: AcademicStore): Router {
  const router = Router();

  router.post('/api/v1/access/activate', validateRequest('activateAccess'), async (req, res) => {
    const result = await activateAccess(store, req.body as ApiSchemas['ActivationRequest']);
    if (!result.ok) throw problemFor(failureProblems, result);
    res.status(204).end();
  });

  router.post('/api/v1/sessions', validateRequest('signIn'), async (req, res) => {
    const result = await signIn(store, req.body as ApiSchemas['SessionRequest']);
    if (!result.ok) throw problemFor(failureProblems, result);
    res
      .status(201)
      .json({ accessToken: result.accessToken, expiresAt: result.expiresAt.toISOString() });
  });

  router.get('/api/v1/me/enrollments', async (req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.get('Authorization') ?? '')?.[1];
    const result = await listMyEnrollments(store, token);
    if (!result.ok) throw problemFor(failureProblems, result);
    const items = result.enrollments.map((e) => ({ ...e, enrolledAt: e.enrolledAt.toISOString() }));
    res.json({ items });
  });

  return router;
}
