import { nextAttemptAt, type RetryPolicy } from './retry-schedule';

const policy: RetryPolicy = { firstDelayMs: 1000, maxDelayMs: 8000, horizonMs: 60_000 };
const now = new Date('2030-01-01T00:00:00Z');
const giveUpAt = new Date(now.getTime() + 60_000);
const delayAfter = (attempts: number, random: number) =>
  (nextAttemptAt(policy, attempts, giveUpAt, now, () => random)?.getTime() ?? NaN) - now.getTime();

describe('retry schedule', () => {
  it('doubles the delay after each failure, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 40].map((attempts) => delayAfter(attempts, 1))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('spreads retries over the upper half of each delay', () => {
    expect(delayAfter(3, 0)).toBe(2000);
    expect(delayAfter(3, 0.5)).toBe(3000);
  });

  it('gives a last try at the horizon, then gives up', () => {
    const late = new Date(giveUpAt.getTime() - 500);
    expect(nextAttemptAt(policy, 9, giveUpAt, late, () => 1)).toEqual(giveUpAt);
    expect(nextAttemptAt(policy, 10, giveUpAt, giveUpAt)).toBeUndefined();
  });
});
