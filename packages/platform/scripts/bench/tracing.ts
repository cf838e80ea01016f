import type { OtlpReceiver } from '@checkout/test-kit';
import type { StepVerdict } from './report';

/** Whether a ramp runs the platform with tracing off or on (every purchase traced, exporting). */
export type TracingMode = 'off' | 'on';

const modesBySetting: Record<string, TracingMode[]> = {
  off: ['off'],
  on: ['on'],
  compare: ['off', 'on'],
};

/** BENCH_TRACING: one ramp untraced, one traced, or both in turn (`compare`). */
export function parseTracingModes(text: string): TracingMode[] {
  const modes = modesBySetting[text];
  if (!modes) throw new Error(`BENCH_TRACING must be off, on or compare, not "${text}"`);
  return modes;
}

/**
 * The platform's environment for tracing on: OTLP to the bench's own receiver, with the exporter's
 * defaults (protobuf, the batch processor's own settings) as an operator's deployment gets them.
 */
export const tracedEnv = (receiver: OtlpReceiver): Record<string, string> => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
});

/** Platform CPU ms per checkout of each step, by rate, for one ramp. */
export type CpuByRate = Map<number, StepVerdict['cpuPerCheckout']>;

const oneDecimal = (n: number | undefined) => (n === undefined ? '-' : n.toFixed(1));
const percentMore = (from: number | undefined, to: number | undefined) =>
  from && to !== undefined ? `${(((to - from) / from) * 100).toFixed(0)} %` : '-';

/** What tracing costs at each rate both ramps ran: CPU ms per checkout off and on, and the overhead. */
export function printTracingOverhead(off: CpuByRate, on: CpuByRate): void {
  console.log('\ntracing overhead, platform CPU ms per checkout (node in parentheses):');
  for (const [rate, untraced] of off) {
    const traced = on.get(rate);
    console.log(
      `  ${rate}/s: off ${oneDecimal(untraced?.all)} (${oneDecimal(untraced?.node)}), on ${oneDecimal(traced?.all)} (${oneDecimal(traced?.node)}): ` +
        `${percentMore(untraced?.all, traced?.all)} more (node ${percentMore(untraced?.node, traced?.node)})`,
    );
  }
}
