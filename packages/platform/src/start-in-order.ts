import { listenDrainable, type Logger } from '@checkout/service-kit';
import type { Express } from 'express';
import type { PlatformAddresses } from './banner';

export interface RunningPlatform {
  url: string;
  addresses: PlatformAddresses;
  stop(): Promise<void>;
}

/** Registers how to stop a part that has just started. */
export type OnStop = (stop: () => Promise<unknown> | void) => void;

/**
 * Starts the platform's parts in order, then serves `app` on `port` of `host` (its `url` names
 * localhost, which reaches it whether it listens on loopback or everywhere). Parts stop in reverse
 * order on `stop()`, or at once when a later part fails to start, so nothing is left behind.
 */
export async function startInOrder(
  { port, host }: { port: number; host: string },
  logger: Logger,
  build: (onStop: OnStop, url: string) => Promise<{ app: Express; addresses: PlatformAddresses }>,
): Promise<RunningPlatform> {
  const stops: (() => Promise<unknown> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  const url = `http://localhost:${port}`;
  try {
    const { app, addresses } = await build((stop) => stops.push(stop), url);
    const { drain } = await listenDrainable(app, { port, host });
    // Stopped first: requests in flight still have every part they need.
    stops.push(async () => {
      const report = await drain();
      logger[report.cutOff > 0 ? 'warn' : 'info'](report, 'HTTP server drained');
    });
    return { url, addresses, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
