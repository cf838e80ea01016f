import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiSchemas } from '@checkout/contracts';
import {
  problemFor,
  problems,
  validateRequest,
  type FailureLimit,
  type ProblemTable,
} from '@checkout/service-kit';
import { Router, type Request, type RequestHandler } from 'express';
import { activateAccess, type ActivateAccessFailure } from '../../app/activate-access';
import { listMyEnrollments, type ListMyEnrollmentsFailure } from '../../app/list-my-enrollments';
import type { AcademicStore, ActivationTokenSealer } from '../../app/ports';
import { requestAccessLink } from '../../app/request-access-link';
import { signIn, type SignInFailure } from '../../app/sign-in';
import { signOut, type SignOutFailure } from '../../app/sign-out';

const failureProblems: ProblemTable<
  ActivateAccessFailure | SignInFailure | ListMyEnrollmentsFailure | SignOutFailure
> = {
  invalid_token: () =>
    problems.unprocessable('token', 'The activation link is invalid, used or expired.'),
  wrong_credentials: () => problems.unauthorized('Wrong e-mail or password.'),
  invalid_access_token: () => problems.unauthorized('Send a valid access token as a Bearer token.'),
};

/**
 * A link request is answered no sooner than this, whether or not the address is a student's:
 * issuing a link takes a few milliseconds more than finding no one, which would tell them apart.
 */
const accessRequestAnswerMs = 150;

const bearerToken = (req: Request) => /^Bearer (\S+)$/.exec(req.get('Authorization') ?? '')?.[1];

export interface AcademicRouterDeps {
  store: AcademicStore;
  sealer: ActivationTokenSealer;
  /** Rate limits on link requests, run in order after the body is validated. */
  accessRequestLimits: RequestHandler[];
  /** Rate limits on activations (per client, per token), run in order after validation. */
  activationLimits: RequestHandler[];
  /** Back-offs after wrong passwords, admitted in order after the body is validated. */
  signInLimits: FailureLimit[];
}

export function createAcademicRouter({
  store,
  sealer,
  accessRequestLimits,
  activationLimits,
  signInLimits,
}: AcademicRouterDeps): Router {
  const router = Router();

  router.post(
    '/api/v1/access/requests',
    validateRequest('requestAccess'),
    ...accessRequestLimits,
    async (req, res) => {
      const request = req.body as ApiSchemas['AccessRequest'];
      await Promise.all([
        requestAccessLink({ store, sealer }, request),
        sleep(accessRequestAnswerMs),
      ]);
      res.status(202).end();
    },
  );

  router.post(
    '/api/v1/access/activate',
    validateRequest('activateAccess'),
    ...activationLimits,
    async (req, res) => {
      const result = await activateAccess(store, req.body as ApiSchemas['ActivationRequest']);
      if (!result.ok) throw problemFor(failureProblems, result);
      res.status(204).end();
    },
  );

  router.post(
    '/api/v1/sessions',
    validateRequest('signIn'),
    ...signInLimits.map((limit) => limit.admit),
    async (req, res) => {
      const result = await signIn(store, req.body as ApiSchemas['SessionRequest']);
      if (!result.ok) throw problemFor(failureProblems, result);
      await Promise.all(signInLimits.map((limit) => limit.succeeded(req)));
      res
        .status(201)
        .json({ accessToken: result.accessToken, expiresAt: result.expiresAt.toISOString() });
    },
  );

  router.delete('/api/v1/sessions/current', async (req, res) => {
    const result = await signOut(store, bearerToken(req));
    if (!result.ok) throw problemFor(failureProblems, result);
    res.status(204).end();
  });

  router.get('/api/v1/me/enrollments', async (req, res) => {
    const result = await listMyEnrollments(store, bearerToken(req));
    if (!result.ok) throw problemFor(failureProblems, result);
    const items = result.enrollments.map((e) => ({ ...e, enrolledAt: e.enrolledAt.toISOString() }));
    res.json({ items });
  });

  return router;
}
