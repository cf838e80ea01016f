import { listenDrainable, type Logger } from '@checkout/service-kit';
import type { Express } from 'express';

export interface RunningPlatform {
  url: string;
  mailPageUrl?: string;
  stop(): Promise<void>;
}

/** Registers how to stop a part that has just started. */
export type OnStop = (stop: () => Promise<unknown> | void) => void;

/**
 * Starts the platform's parts in order, then serves `app` on `port`. Parts stop in reverse
 * order on `stop()`, or at once when a later part fails to start, so nothing is left behind.
 */
export async function startInOrder(
  port: number,
  logger: Logger,
  build: (onStop: OnStop) => Promise<{ app: Express; hasMailPage: boolean }>,
): Promise<RunningPlatform> {
  const stops: (() => Promise<unknown> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const { app, hasMailPage } = await build((stop) => stops.push(stop));
    const { drain } = await listenDrainable(app, port);
    // Stopped first: requests in flight still have every part they need.
    stops.push(async () => {
      const report = await drain();
      logger[report.cutOff > 0 ? 'warn' : 'info'](report, 'HTTP server drained');
    });
    return {
      url: `http://localhost:${port}`,
      ...(hasMailPage && { mailPageUrl: `http://localhost:${port}/dev/mail` }),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
