/** How long and how often an e-mail that could not be sent yet is tried again. */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Counted from when the e-mail was queued; past it the e-mail is given up. */
  horizonMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  firstDelayMs: 1_000,
  // Short enough that e-mails held by an outage go out within half a minute of its end.
  maxDelayMs: 30_000,
  horizonMs: 24 * 60 * 60 * 1000,
};

/**
 * When to try again after the `attempts`-th failure, or undefined once the horizon has passed.
 * Exponential with equal jitter (half the delay fixed, half random), so e-mails that failed
 * together do not all retry together; never later than the horizon itself, which gets a last try.
 */
export function nextAttemptAt(
  policy: RetryPolicy,
  attempts: number,
  giveUpAt: Date,
  now: Date,
  random: () => number = Math.random,
): Date | undefined {
  if (now.getTime() >= giveUpAt.getTime()) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempts - 1));
  const delay = ceiling / 2 + (random() * ceiling) / 2;
  return new Date(Math.min(now.getTime() + delay, giveUpAt.getTime()));
}
