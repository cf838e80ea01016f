import { createServer, type RequestListener, type Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Logger } from './logger';

/** What a drain did: how long it took, requests answered meanwhile, responses cut off. */
export interface DrainReport {
  drainMs: number;
  answered: number;
  cutOff: number;
}

export interface DrainableServer {
  server: Server;
  /**
   * Stops accepting connections and answers every request already received or still arriving
   * on an open connection, each with `Connection: close`. Connections that stay idle close at
   * their keep-alive timeout, which clients were told (5 s), so none sends a request into a
   * closing socket; whatever is still open after `graceMs` is cut off.
   */
  drain: (graceMs?: number) => Promise<DrainReport>;
}

const nextPoll = async () => {
  // Two hops: the first lands in this turn's check phase, the second after a fresh poll.
  for (let hop = 0; hop < 2; hop++) await new Promise((resolve) => setImmediate(resolve));
};

/** Serves `app` on `port`; fails as `listen` does (EADDRINUSE carries the port). */
export function listenDrainable(app: RequestListener, port: number): Promise<DrainableServer> {
  let draining = false;
  const report = { answered: 0, cutOff: 0 };
  const unanswered = new Set<Parameters<RequestListener>[1]>();
  const server = createServer((req, res) => {
    unanswered.add(res);
    res.once('close', () => {
      unanswered.delete(res);
      if (draining) report[res.writableFinished ? 'answered' : 'cutOff']++;
    });
    if (draining) res.setHeader('Connection', 'close');
    app(req, res);
  });
  const drain = async (graceMs = 10_000) => {
    const startedAt = Date.now();
    // Let the event loop poll once more, answering as usual: connections the kernel completed
    // while we were busy are accepted rather than reset when the listener closes. (One that
    // completes in the instant before the close is still reset, as with any closing listener.)
    await nextPoll();
    // Only now `Connection: close`, so clients open their next connections after the close.
    draining = true;
    for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
    // net's close, not http's: http's would also close idle kept-alive connections at once,
    // racing a client that is sending a request on one of them.
    const closed = new Promise((resolve) => NetServer.prototype.close.call(server, resolve));
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    await closed;
    clearTimeout(deadline);
    return { drainMs: Date.now() - startedAt, ...report };
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve({ server, drain }));
  });
}

/** One line that says why a start failed, for the operator who reads the log. */
export function startFailureReason(error: unknown): string {
  const { code, port, address, errors } = error as {
    code?: string;
    port?: number;
    address?: string;
    errors?: unknown[];
  };
  if (code === 'EADDRINUSE') return `port ${port} is in use`;
  if (code === 'EACCES' && port !== undefined) return `no permission to listen on port ${port}`;
  if (code === 'ECONNREFUSED') return `nothing answers at ${address}:${port}`;
  const message = error instanceof Error ? error.message : String(error);
  // A connection tried on several addresses fails with an AggregateError and no message.
  if (!message && errors?.[0]) return startFailureReason(errors[0]);
  return message.split('\n')[0] || String(code ?? error);
}

/** A repeat this soon is the same Ctrl-C: a terminal signals npm and us, and npm relays it. */
const sameSignalMs = 1_000;

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits 0. If it takes longer than `graceMs`, or
 * another signal comes later on, the process exits 1 at once: an operator is never stuck
 * behind a hung shutdown, and an orchestrator's kill never lands mid-way.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, graceMs = 25_000): void {
  let startedAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (startedAt !== undefined) {
      if (Date.now() - startedAt < sameSignalMs) return;
      logger.warn({ signal }, 'signalled again; exiting without finishing the shutdown');
      process.exit(1);
    }
    startedAt = Date.now();
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ graceMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, graceMs).unref();
    stop().then(
      () => {
        logger.info({ shutdownMs: Date.now() - (startedAt ?? 0) }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
