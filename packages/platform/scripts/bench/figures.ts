/** Pure arithmetic of the bench: the schedule it offers and the figures it prints. */

/** The nearest-rank percentile (`p` in 0..1) of ascending `sorted`; undefined when empty. */
export const percentile = (sorted: readonly number[], p: number): number | undefined =>
  sorted.length === 0
    ? undefined
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];

/**
 * When each journey of a step starts, in ms from the step's start: evenly spaced at `rate` per
 * second for `seconds`, whatever becomes of earlier journeys (an open loop).
 */
export const startOffsets = (rate: number, seconds: number): number[] =>
  Array.from({ length: Math.round(rate * seconds) }, (_, i) => (i * 1000) / rate);

/**
 * Whether journey `n` (counted across the run) pays with the declined card: spread evenly so that
 * any stretch of journeys holds `share` of declines, not a random clump.
 */
export const isDeclined = (n: number, share: number): boolean =>
  Math.floor((n + 1) * share) > Math.floor(n * share);

/** A list of positive numbers, as BENCH_RATES=10,20,40 gives it. */
export function parseRates(text: string): number[] {
  const rates = text.split(',').map((part) => Number(part.trim()));
  if (rates.length === 0 || rates.some((rate) => !(rate > 0)))
    throw new Error(`BENCH_RATES must be positive numbers separated by commas, not "${text}"`);
  return rates;
}

/** A rate meets the bound when its p99 is within it, nothing failed and it kept up with the offer. */
export interface StepVerdictInput {
  offeredPerSecond: number;
  completedPerSecond: number;
  p99Ms: number | undefined;
  errors: number;
  lost: number;
}

/** Completed may trail offered by this share (journeys still in flight at the window's edges). */
const keptUpShare = 0.95;

export const meetsBound = (step: StepVerdictInput, boundMs: number): boolean =>
  step.p99Ms !== undefined &&
  step.p99Ms <= boundMs &&
  step.errors === 0 &&
  step.lost === 0 &&
  step.completedPerSecond >= keptUpShare * step.offeredPerSecond;
