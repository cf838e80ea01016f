import type { WatchedDatabase } from './database-commits';
import { settle, type EmailArrivals, type OwedEmails } from './email-ledger';
import { offerJourneys, type Call } from './open-loop';
import {
  cpuBetween,
  machineTicks,
  nodeCpuBetween,
  residentMemory,
  takeCpuSnapshot,
  type ProcessKind,
  type ResidentMemory,
} from './process-usage';

export interface RampSettings {
  rates: number[];
  stepSeconds: number;
  warmupSeconds: number;
  declinedShare: number;
  timeoutMs: number;
  /** Count RabbitMQ's CPU (Dapr mode). */
  rabbitmq: boolean;
}

/** What one step measured while it ran; its latencies are read after the ramp has drained. */
export interface StepRecord {
  rate: number;
  /** The measured window (ms since the epoch), after the step's warm-up. */
  from: number;
  to: number;
  started: number;
  accepted: Promise<OwedEmails[]>;
  calls: Call[];
  cpuMs: Map<ProcessKind, number>;
  /** CPU ms of each node process, by service. */
  nodeCpuMs: Map<string, number>;
  commits: number;
  resident: ResidentMemory[];
  maxStartLagMs: number;
  /** CPU ms of the bench itself (journeys and the SMTP server): it shares the machine. */
  benchCpuMs: number;
  /** Busy share of all the machine's cores over the window, whoever used them. */
  machineBusy: number;
}

/**
 * Offers each rate in turn: `warmupSeconds` unmeasured, then `stepSeconds` measured, with CPU
 * (the platform's tree and PostgreSQL's) and commits read at the window's edges. Journeys of the
 * warm-ups are returned too: the ledger owes them their e-mails as well.
 */
export async function runRamp(
  settings: RampSettings,
  target: { baseUrl: string; pid: number; database: WatchedDatabase },
  log: (line: string) => void,
): Promise<{ steps: StepRecord[]; warmups: Promise<OwedEmails[]>[] }> {
  const runId = `${Date.now()}`;
  const roots = [target.pid, ...(target.database.serverPid ? [target.database.serverPid] : [])];
  const steps: StepRecord[] = [];
  const warmups: Promise<OwedEmails[]>[] = [];
  let journeys = 0;
  const offer = async (rate: number, seconds: number) => {
    const offered = await offerJourneys({
      ...settings,
      baseUrl: target.baseUrl,
      runId,
      rate,
      seconds,
      firstJourney: journeys,
    });
    journeys += offered.started();
    return offered;
  };
  for (const rate of settings.rates) {
    log(
      `offering ${rate} checkouts/s: ${settings.warmupSeconds} s warm-up, ${settings.stepSeconds} s measured`,
    );
    if (settings.warmupSeconds > 0)
      warmups.push((await offer(rate, settings.warmupSeconds)).accepted);
    const cpuBefore = takeCpuSnapshot(roots, settings.rabbitmq);
    const commitsBefore = await target.database.commits();
    const benchBefore = process.cpuUsage();
    const machineBefore = machineTicks();
    const from = Date.now();
    const measured = await offer(rate, settings.stepSeconds);
    const to = Date.now();
    const bench = process.cpuUsage(benchBefore);
    const machine = machineTicks();
    const cpuAfter = takeCpuSnapshot(roots, settings.rabbitmq);
    steps.push({
      rate,
      from,
      to,
      started: measured.started(),
      accepted: measured.accepted,
      calls: measured.calls,
      cpuMs: cpuBetween(cpuBefore, cpuAfter),
      nodeCpuMs: nodeCpuBetween(cpuBefore, cpuAfter),
      commits: (await target.database.commits()) - commitsBefore,
      resident: residentMemory([target.pid], settings.rabbitmq),
      maxStartLagMs: measured.maxStartLagMs(),
      benchCpuMs: (bench.user + bench.system) / 1000,
      machineBusy: (machine.busy - machineBefore.busy) / (machine.total - machineBefore.total || 1),
    });
  }
  return { steps, warmups };
}

/** Waits (up to `timeoutMs`) until every accepted journey has its e-mails, then `quietMs` more for duplicates. */
export async function drain(
  journeys: OwedEmails[],
  arrivals: EmailArrivals,
  timeoutMs: number,
  quietMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  while (Date.now() < deadline && journeys.some((j) => settle(j, arrivals).lost)) await pause(200);
  await pause(quietMs);
}
