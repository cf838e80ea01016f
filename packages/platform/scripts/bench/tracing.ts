import type { OtlpReceiver } from '@checkout/test-kit';
import type { StepVerdict } from './report';

/** Whether a ramp runs the platform with tracing off or on (every purchase traced, exporting). */
export type TracingMode = 'off' | 'on';

const modesBySetting: Record<string, TracingMode[]> = {
  off: ['off'],
  on: ['on'],
  compare: ['off', 'on'],
};

/**
 * The ramps to run: BENCH_TRACING says one untraced, one traced, or both in turn (`compare`), and
 * BENCH_TRACING_ROUNDS how many times, so that `compare` alternates off and on and a noisy ramp
 * weighs less.
 */
export function parseTracingRamps(setting: string, rounds: number): TracingMode[] {
  const modes = modesBySetting[setting];
  if (!modes) throw new Error(`BENCH_TRACING must be off, on or compare, not "${setting}"`);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`BENCH_TRACING_ROUNDS must be a whole number from 1, not "${rounds}"`);
  return Array.from({ length: rounds }, () => modes).flat();
}

/**
 * The platform's environment for tracing on: OTLP to the bench's own receiver, with the platform's
 * defaults (JSON, the batch processor's own settings) as an operator's deployment gets them.
 */
export const tracedEnv = (receiver: OtlpReceiver): Record<string, string> => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
});

/** Platform CPU ms per checkout of each step, by rate, for one ramp. */
export type CpuByRate = Map<number, StepVerdict['cpuPerCheckout']>;

const oneDecimal = (n: number | undefined) => (n === undefined ? '-' : n.toFixed(1));
const percentMore = (from: number | undefined, to: number | undefined) =>
  from && to !== undefined ? `${(((to - from) / from) * 100).toFixed(0)} %` : '-';

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return undefined;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The ramps' CPU per checkout at one rate: each ramp's, and their medians. */
function cpuAt(rate: number, ramps: CpuByRate[]) {
  const figures = ramps.flatMap((ramp) => ramp.get(rate) ?? []);
  const each = figures.map((f) => `${oneDecimal(f.all)} (${oneDecimal(f.node)})`).join(', ');
  const all = median(figures.map((f) => f.all));
  const node = median(figures.map((f) => f.node));
  return { each, all, node, text: `${oneDecimal(all)} (${oneDecimal(node)})` };
}

/**
 * What tracing costs at each rate the ramps ran: CPU ms per checkout of every untraced and traced
 * ramp, their medians, and the overhead of the medians.
 */
export function printTracingOverhead(off: CpuByRate[], on: CpuByRate[]): void {
  console.log('\ntracing overhead, platform CPU ms per checkout (node in parentheses):');
  for (const rate of off[0]?.keys() ?? []) {
    const [untraced, traced] = [cpuAt(rate, off), cpuAt(rate, on)];
    if (off.length > 1) console.log(`  ${rate}/s: off ${untraced.each}; on ${traced.each}`);
    const medians = off.length > 1 ? ' (medians)' : '';
    console.log(
      `  ${rate}/s${medians}: off ${untraced.text}, on ${traced.text}: ` +
        `${percentMore(untraced.all, traced.all)} more (node ${percentMore(untraced.node, traced.node)})`,
    );
  }
}
