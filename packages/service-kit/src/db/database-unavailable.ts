import { ConnectionException } from '@mikro-orm/core';

/** Error codes of a database that cannot be reached or is not taking work right now. */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or recovering
  '53300', // too_many_connections
]);

const unavailableMessages = [
  /Connection terminated/i,
  /Timeout acquiring a connection/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * Whether an error from pg, knex or MikroORM means PostgreSQL is out of reach rather than that
 * the query was wrong: the one place that tells an outage (503, retry later) from a bug (500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof ConnectionException) return true;
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08')))
      return true;
    if (typeof message === 'string' && unavailableMessages.some((m) => m.test(message)))
      return true;
    // Node reports a refused connection to every address of a host as one AggregateError.
    pending.push(cause, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return false;
}
