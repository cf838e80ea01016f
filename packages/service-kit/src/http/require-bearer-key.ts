import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Lets through only requests that carry `key` as `Authorization: Bearer <key>`; any other is a 401
 * problem, the same whatever was wrong. The digests are compared in constant time, so neither the
 * key's content nor its length shows in how long a refusal takes.
 */
export function requireBearerKey(key: string, whose: string): RequestHandler {
  if (key === '') throw new Error(`${whose} is empty`);
  const expected = digest(key);
  return (req, res, next) => {
    const given = /^Bearer (\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const valid = given !== undefined && timingSafeEqual(digest(given), expected);
    if (valid) return next();
    res.set('WWW-Authenticate', 'Bearer');
    next(new HttpProblem(401, 'Unauthorized', `Send the ${whose} as a bearer token.`));
  };
}
