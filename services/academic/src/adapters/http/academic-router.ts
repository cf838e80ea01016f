import type { ApiSchemas } from '@checkout/contracts';
import { problems, validateRequest } from '@checkout/service-kit';
import { Router } from 'express';
import { activateAccess } from '../../app/activate-access';
import { listMyEnrollments } from '../../app/list-my-enrollments';
import type { AcademicStore } from '../../app/ports';
import { signIn } from '../../app/sign-in';

export function createAcademicRouter(store: AcademicStore): Router {
  const router = Router();

  router.post('/api/v1/access/activate', validateRequest('activateAccess'), async (req, res) => {
    const result = await activateAccess(store, req.body as ApiSchemas['ActivationRequest']);
    if (!result.ok)
      throw problems.unprocessable('token', 'The activation link is invalid, used or expired.');
    res.status(204).end();
  });

  router.post('/api/v1/sessions', validateRequest('signIn'), async (req, res) => {
    const result = await signIn(store, req.body as ApiSchemas['SessionRequest']);
    if (!result.ok) throw problems.unauthorized('Wrong e-mail or password.');
    res
      .status(201)
      .json({ accessToken: result.accessToken, expiresAt: result.expiresAt.toISOString() });
  });

  router.get('/api/v1/me/enrollments', async (req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.get('Authorization') ?? '')?.[1];
    const enrollments = token ? await listMyEnrollments(store, token) : undefined;
    if (!enrollments) throw problems.unauthorized('Send a valid access token as a Bearer token.');
    res.json({ items: enrollments.map((e) => ({ ...e, enrolledAt: e.enrolledAt.toISOString() })) });
  });

  return router;
}
