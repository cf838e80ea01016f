import {
  isDeclined,
  meetsBound,
  parseRates,
  percentile,
  startOffsets,
} from '../scripts/bench/figures';

describe('the bench figures', () => {
  it('reads a percentile by nearest rank, and none from no samples', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([0.5, 0.95, 0.99, 1].map((p) => percentile(sorted, p))).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeUndefined();
  });

  it('starts journeys evenly at the offered rate for the whole step, whatever came before', () => {
    expect(startOffsets(4, 1)).toEqual([0, 250, 500, 750]);
    expect(startOffsets(10, 3)).toHaveLength(30);
  });

  it('spreads the declined share evenly over any stretch of journeys', () => {
    const declined = (from: number) =>
      Array.from({ length: 10 }, (_, i) => isDeclined(from + i, 0.2)).filter(Boolean).length;
    expect([0, 3, 17, 1001].map(declined)).toEqual([2, 2, 2, 2]);
    expect(isDeclined(5, 0)).toBe(false);
  });

  it('refuses a rate list with anything but positive numbers', () => {
    expect(parseRates('10, 20,40')).toEqual([10, 20, 40]);
    expect(() => parseRates('10,,20')).toThrow(/BENCH_RATES/);
    expect(() => parseRates('ten')).toThrow(/BENCH_RATES/);
  });

  it('lets a rate meet the bound only within the latency, without errors or lost e-mails, keeping up', () => {
    const step = { offeredPerSecond: 50, completedPerSecond: 49, p99Ms: 400, errors: 0, lost: 0 };
    expect(meetsBound(step, 500)).toBe(true);
    expect(meetsBound({ ...step, p99Ms: 501 }, 500)).toBe(false);
    expect(meetsBound({ ...step, errors: 1 }, 500)).toBe(false);
    expect(meetsBound({ ...step, lost: 1 }, 500)).toBe(false);
    expect(meetsBound({ ...step, completedPerSecond: 40 }, 500)).toBe(false);
    expect(meetsBound({ ...step, p99Ms: undefined }, 500)).toBe(false);
  });
});
