import { createHash } from 'node:crypto';
import { defineEntity } from '@mikro-orm/core';
import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../db/open-database';
import { SchemaMigration } from '../db/schema-migration';
import { recordRateLimitRefusal } from '../metrics/http-metrics';
import { HttpProblem } from './problem';

/*
 * Rate limits by rate-limiter-flexible on the service's own PostgreSQL: every replica counts in
 * the same rows, so a limit holds however many replicas answer. Each window is fixed: it starts
 * with a key's first request and the key's count starts again once it is over.
 */

/** The library's table (its shape is the library's), made by a migration rather than at start. */
export const RateLimitCounter = defineEntity({
  name: 'RateLimitCounter',
  tableName: 'rate_limit',
  properties: (p) => ({
    key: p.string().length(255).primary(),
    points: p.integer().default(0),
    /** Epoch milliseconds. */
    expire: p.bigint().nullable(),
  }),
});

export class CreateRateLimitTable extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `create table "rate_limit" ("key" varchar(255) primary key, "points" int not null default 0,
         "expire" bigint)`,
    );
  }
}

/** A rate-limiter-flexible limiter on the service's rate_limit table. */
const postgresLimiter = (orm: Database, keyPrefix: string, points: number, seconds: number) =>
  new RateLimiterPostgres({
    storeClient: orm.em.getKnex(),
    storeType: 'knex',
    schemaName: orm.config.get('schema'),
    tableName: 'rate_limit',
    tableCreated: true,
    keyPrefix,
    points,
    duration: seconds,
  });

export interface RateLimit {
  /** Names the limit's counters; two limits of one service never share a name. */
  name: string;
  /** Requests allowed per key within a window. */
  points: number;
  windowSeconds: number;
}

/**
 * Express middleware that counts one request against `keyOf(req)` and answers 429 problem+json
 * with Retry-After once the key is over its limit. Keys are stored only hashed, as they are often
 * personal (an e-mail, a client address). A database fault goes on to the error handler.
 */
export function rateLimit(
  orm: Database,
  limit: RateLimit,
  keyOf: (req: Request) => string,
): RequestHandler {
  const limiter = postgresLimiter(orm, limit.name, limit.points, limit.windowSeconds);
  return async (req, res, next) => {
    const key = hashedKey(keyOf(req));
    const refused = await limiter.consume(key).then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof RateLimiterRes) return error;
        throw error;
      },
    );
    if (!refused) return next();
    throw tooManyRequests(res, limit.name, refused.msBeforeNext);
  };
}

/** How a limit's key is kept: a client address or an e-mail is personal, its SHA-256 is not shown. */
export const hashedKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * The answer of every limit, rateLimit's and those a service counts in its own tables: a 429
 * problem whose Retry-After says in whole seconds (at least one) when to try again. The refusal
 * is counted under the limit's `name`.
 */
export function tooManyRequests(
  res: Response,
  name: string,
  msBeforeNext: number,
  detail = 'Too many requests; retry later.',
): HttpProblem {
  recordRateLimitRefusal(res, name);
  res.set('Retry-After', String(Math.max(1, Math.ceil(msBeforeNext / 1000))));
  return new HttpProblem(429, 'Too many requests', detail);
}

export interface FailureBackoff {
  /** Names the limit's counters; two limits of one service never share a name. */
  name: string;
  /** Failures a key may make before each further attempt must wait out a back-off. */
  freeFailures: number;
  /** The first back-off; each further failure doubles it, up to `maxBackoffSeconds`. */
  backoffSeconds: number;
  maxBackoffSeconds: number;
  /** How long failures are remembered, counted from the first. */
  memorySeconds: number;
  /**
   * Whether a success forgets the key's failures: yes for an account (the attacker cannot
   * succeed), no for a client (it could sign in to its own account between guesses); a client
   * past its free failures waits out a back-off after every attempt until they are forgotten.
   */
  resetOnSuccess: boolean;
}

export interface FailureLimit {
  /**
   * Middleware: answers 429 with Retry-After while the key waits out a back-off, else counts the
   * attempt as a failure in advance, so that attempts sent at once cannot all pass before the
   * first of them fails.
   */
  admit: RequestHandler;
  /** Takes back the attempt counted for `req`, or forgets every failure (`resetOnSuccess`). */
  succeeded(req: Request): Promise<void>;
}

/**
 * Growing back-off after repeated failures, after rate-limiter-flexible's "dynamic block
 * duration" recipe: one counter of failures per key, and a block whose length doubles with each
 * failure past the free ones. Keys are stored only hashed, in the same table as `rateLimit`'s.
 */
export function failureBackoff(
  orm: Database,
  limit: FailureBackoff,
  keyOf: (req: Request) => string,
): FailureLimit {
  const store = (keyPrefix: string) =>
    postgresLimiter(orm, keyPrefix, limit.freeFailures, limit.memorySeconds);
  const failures = store(`${limit.name}-failures`);
  const blocks = store(`${limit.name}-blocked`);
  const keyFor = (req: Request) => hashedKey(keyOf(req));
  const backoffFor = (failure: number) => {
    const doublings = Math.min(failure - limit.freeFailures, 30);
    return Math.min(limit.backoffSeconds * 2 ** doublings, limit.maxBackoffSeconds);
  };
  return {
    admit: async (req, res, next) => {
      const key = keyFor(req);
      const blocked = await blocks.get(key);
      if (blocked && blocked.msBeforeNext > 0)
        throw tooManyRequests(
          res,
          limit.name,
          blocked.msBeforeNext,
          'Too many attempts; retry later.',
        );
      const { consumedPoints } = await failures.penalty(key);
      if (consumedPoints >= limit.freeFailures) await blocks.block(key, backoffFor(consumedPoints));
      next();
    },
    succeeded: async (req) => {
      const key = keyFor(req);
      if (limit.resetOnSuccess) await Promise.all([failures.delete(key), blocks.delete(key)]);
      else await failures.reward(key);
    },
  };
}
