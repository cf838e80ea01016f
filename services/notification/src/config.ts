import type { readEnvironment } from '@checkout/service-kit';
import { defaultRetryPolicy, type RetryPolicy } from './domain/retry-schedule';

const seconds = (ms: number) => ms / 1000;

/** EMAIL_RETRY_*: how e-mails that could not be sent are retried; read by both composition roots. */
export function readRetryPolicy(env: ReturnType<typeof readEnvironment>): RetryPolicy {
  const firstDelay = env.integer(
    'EMAIL_RETRY_FIRST_DELAY_SECONDS',
    seconds(defaultRetryPolicy.firstDelayMs),
  );
  const maxDelay = env.integer(
    'EMAIL_RETRY_MAX_DELAY_SECONDS',
    seconds(defaultRetryPolicy.maxDelayMs),
  );
  const horizon = env.integer('EMAIL_RETRY_HORIZON_SECONDS', seconds(defaultRetryPolicy.horizonMs));
  // A zero delay would retry in a tight loop; one second is the least.
  return {
    firstDelayMs: Math.max(1, firstDelay) * 1000,
    maxDelayMs: Math.max(1, firstDelay, maxDelay) * 1000,
    horizonMs: horizon * 1000,
  };
}
