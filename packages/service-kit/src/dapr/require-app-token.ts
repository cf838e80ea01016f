import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem } from '../http/problem';

const onlyTheSidecar = () =>
  new HttpProblem(401, 'Unauthorized', 'Only the Dapr sidecar may call this route.');

/**
 * Only the sidecar may reach the routes it calls (event deliveries, invocations): it proves
 * itself with the APP_API_TOKEN it was given, sent as `dapr-api-token`. Without a token to
 * compare with, nothing proves itself: every request is refused (the card-reveal route among
 * them), never let through.
 */
export function requireAppToken(token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : Buffer.from(token);
  return (req, _res, next) => {
    const given = Buffer.from(req.get('dapr-api-token') ?? '');
    const valid =
      expected !== undefined &&
      given.length === expected.length &&
      timingSafeEqual(given, expected);
    next(valid ? undefined : onlyTheSidecar());
  };
}
