import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { FaultReporter } from '../fault-reporter';
import type { Logger } from '../logger';

/** Work a service does in the background, started and stopped with the service. */
export interface BackgroundJob {
  start(): void;
  /** Stops waking the work and waits for a run in progress to end. */
  stop(): Promise<void>;
}

/**
 * Runs `work` in the background: once at start, every `intervalMs`, and whenever woken (`notify`
 * right after new work was committed, `notifyWithin` soon after, together with what comes
 * meanwhile, `notifyAfter` when it falls due). Never two runs at once; a wake-up during a run
 * makes one more run after it. A failed run is reported (a few lines per outage, not one per run)
 * and the next one tries again. Several replicas may run the same work at the same time: the work
 * must claim what it does.
 */
export class BackgroundLoop implements BackgroundJob {
  private timer: NodeJS.Timeout | undefined;
  private readonly wakeUps = new Set<NodeJS.Timeout>();
  private running: Promise<void> | undefined;
  private runAgain = false;
  private gathering: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly faults: FaultReporter;

  constructor(
    name: string,
    private readonly work: (loop: { stopping(): boolean }) => Promise<void>,
    logger: Logger,
    private readonly intervalMs = 500,
  ) {
    this.faults = new FaultReporter(logger, name);
  }

  start(): void {
    this.timer = setInterval(() => this.notify(), this.intervalMs);
    this.notify();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    for (const wakeUp of this.wakeUps) clearTimeout(wakeUp);
    clearTimeout(this.gathering);
    this.runAgain = false;
    await this.running;
  }

  /** Runs when `delayMs` has passed rather than at the next tick. */
  notifyAfter(delayMs: number): void {
    const wakeUp = setTimeout(() => {
      this.wakeUps.delete(wakeUp);
      this.notify();
    }, delayMs);
    this.wakeUps.add(wakeUp);
  }

  /**
   * Runs once `windowMs` has passed since the first of the wake-ups that come meanwhile: work
   * arriving close together is done in one run.
   */
  notifyWithin(windowMs: number): void {
    if (this.gathering || this.stopping) return;
    this.gathering = setTimeout(() => {
      this.gathering = undefined;
      this.notify();
    }, windowMs);
  }

  notify(): void {
    if (this.stopping) return;
    if (this.running) {
      this.runAgain = true;
      return;
    }
    // Outside whatever trace woke it: a run serves many requests and events, each of which
    // carries its own trace (an outbox row's, a queued e-mail's) into the spans it causes.
    this.running = context
      .with(ROOT_CONTEXT, () => this.work({ stopping: () => this.stopping }))
      .then(
        () => this.faults.succeeded(),
        (error: unknown) => this.faults.failed(error),
      )
      .finally(() => {
        this.running = undefined;
        if (this.runAgain) {
          this.runAgain = false;
          this.notify();
        }
      });
  }
}
