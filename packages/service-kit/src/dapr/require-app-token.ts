import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem } from '../http/problem';

/**
 * Only the sidecar may reach the routes it calls (event deliveries, invocations): it proves
 * itself with the APP_API_TOKEN it was given, sent as `dapr-api-token`.
 */
export function requireAppToken(token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : Buffer.from(token);
  return (req, _res, next) => {
    if (!expected) return next();
    const given = Buffer.from(req.get('dapr-api-token') ?? '');
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    next(
      valid
        ? undefined
        : new HttpProblem(401, 'Unauthorized', 'Only the Dapr sidecar may call this route.'),
    );
  };
}
