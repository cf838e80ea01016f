import { settle, type EmailArrivals, type OwedEmails } from './email-ledger';
import { meetsBound, percentile } from './figures';
import type { CallName } from './open-loop';
import type { StepRecord } from './ramp';

const callNames: CallName[] = ['leads', 'cards', 'checkouts'];
const kinds = ['node', 'postgres', 'daprd', 'rabbitmq', 'other'] as const;
const round = (n: number | undefined) => (n === undefined ? '-' : `${Math.round(n)}`);
const oneDecimal = (n: number) => n.toFixed(1);

/** Every e-mail arrival of the run as checkouts: the outcome e-mail of each accepted journey. */
export const outcomeTimes = (journeys: OwedEmails[], arrivals: EmailArrivals) =>
  journeys.flatMap((j) => arrivals.to(j.outcomeTo).slice(0, 1));

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Resident memory at the step's end: in all, per process kind, then in proportion (the six sidecars
 * share daprd's code, the node processes node's, which RSS counts once per process).
 */
function residentTotals({ resident }: StepRecord): string {
  const byKind = kinds
    .map((kind) => [kind, sum(resident.filter((p) => p.kind === kind).map((p) => p.mb))] as const)
    .filter(([, mb]) => mb > 0)
    .map(([kind, mb]) => `${kind} ${round(mb)}`);
  const pss = round(sum(resident.map((p) => p.pssMb)));
  return `${round(sum(resident.map((p) => p.mb)))} in all (${byKind.join(', ')}); ${pss} counting shared pages once (PSS)`;
}

/** Each node and daprd process at the step's end and at its peak so far (VmHWM): what limits follow. */
const peakMemory = ({ resident }: StepRecord) =>
  resident
    .filter((p) => p.kind === 'node' || p.kind === 'daprd')
    .map((p, _, all) => {
      // npm start's workers share a name: the pid tells them apart.
      const shared = all.filter((other) => other.name === p.name).length > 1;
      return `${p.name}${shared ? ` (${p.pid})` : ''} ${round(p.mb)}/${round(p.peakMb)}`;
    })
    .join(', ');

/** What a step's report tells the rest of the bench. */
export interface StepVerdict {
  met: boolean;
  /** Platform CPU ms per completed checkout, all processes and node's; undefined when none completed. */
  cpuPerCheckout: { all: number; node: number } | undefined;
}

/** Prints one step's figures and says whether it met the bound and what a checkout cost. */
export async function reportStep(
  step: StepRecord,
  arrivals: EmailArrivals,
  allOutcomes: number[],
  boundMs: number,
): Promise<StepVerdict> {
  const seconds = (step.to - step.from) / 1000;
  const journeys = await step.accepted;
  const settled = journeys.map((j) => settle(j, arrivals));
  const latencies = settled
    .flatMap((s) => (s.latencyMs === undefined ? [] : [s.latencyMs]))
    .sort((a, b) => a - b);
  const completed = allOutcomes.filter((at) => at >= step.from && at < step.to).length;
  const failures = step.calls.filter((c) => c.failure !== undefined);
  const lost = settled.filter((s) => s.lost).length;
  const p99 = percentile(latencies, 0.99);
  const perCheckout = (n: number) => (completed === 0 ? '-' : oneDecimal(n / completed));
  const met = meetsBound(
    {
      offeredPerSecond: step.started / seconds,
      completedPerSecond: completed / seconds,
      p99Ms: p99,
      errors: failures.length,
      lost,
    },
    boundMs,
  );
  const failureKinds = [...new Set(failures.map((f) => `${f.name} ${f.failure}`))];
  const cpu = kinds
    .filter((kind) => step.cpuMs.has(kind))
    .map((kind) => `${kind} ${perCheckout(step.cpuMs.get(kind) ?? 0)}`);
  const cpuTotal = [...step.cpuMs.values()].reduce((a, b) => a + b, 0);
  const httpP99 = callNames.map((name) => {
    const sorted = step.calls
      .filter((c) => c.name === name)
      .map((c) => c.ms)
      .sort((a, b) => a - b);
    return `${name} ${round(percentile(sorted, 0.99))}`;
  });
  console.log(
    [
      `\n${step.rate}/s ${met ? 'meets' : 'misses'} the bound (p99 <= ${boundMs} ms, no errors, completed >= 95 % of offered)`,
      `  offered ${oneDecimal(step.started / seconds)}/s, completed ${oneDecimal(completed / seconds)}/s over ${oneDecimal(seconds)} s (generator at most ${round(step.maxStartLagMs)} ms late)`,
      `  checkout -> e-mail ms: p50 ${round(percentile(latencies, 0.5))}  p95 ${round(percentile(latencies, 0.95))}  p99 ${round(p99)}  (${latencies.length} e-mails, ${lost} missing)`,
      `  HTTP p99 ms: ${httpP99.join(', ')}`,
      `  errors: ${failures.length}${failureKinds.length ? ` (${failureKinds.join(', ')})` : ''}`,
      `  CPU ms per checkout: ${perCheckout(cpuTotal)} (${cpu.join(', ')})`,
      `  node CPU ms per checkout: ${[...step.nodeCpuMs].map(([name, ms]) => `${name} ${perCheckout(ms)}`).join(', ')}`,
      `  machine ${Math.round(step.machineBusy * 100)} % busy; the bench itself ${perCheckout(step.benchCpuMs)} CPU ms per checkout`,
      `  commits per checkout: ${perCheckout(step.commits)}`,
      `  resident MB: ${residentTotals(step)}`,
      `  MB now/peak: ${peakMemory(step)}`,
    ].join('\n'),
  );
  const nodeCpu = step.cpuMs.get('node') ?? 0;
  return {
    met,
    cpuPerCheckout: completed
      ? { all: cpuTotal / completed, node: nodeCpu / completed }
      : undefined,
  };
}

/** The run's ledger: each accepted journey's e-mails exactly once. Returns whether it held. */
export function reportLedger(journeys: OwedEmails[], arrivals: EmailArrivals): boolean {
  const settled = journeys.map((j) => settle(j, arrivals));
  const lost = settled.filter((s) => s.lost).length;
  const duplicated = settled.filter((s) => s.duplicated).length;
  const held = lost === 0 && duplicated === 0;
  console.log(
    held
      ? `\nledger: all ${journeys.length} accepted checkouts got their e-mails exactly once`
      : `\nledger BROKEN: of ${journeys.length} accepted checkouts, ${lost} lost an e-mail and ${duplicated} got one twice`,
  );
  return held;
}
