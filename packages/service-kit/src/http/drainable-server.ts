import { createServer, type RequestListener, type Server } from 'node:http';
import { Server as NetServer } from 'node:net';

/** What a drain did: how long it took, requests answered meanwhile, responses cut off. */
export interface DrainReport {
  drainMs: number;
  answered: number;
  cutOff: number;
}

export interface DrainableServer {
  server: Server;
  /**
   * Answers readiness (`GET /readyz`) with 503 from now on, so a balancer that probes it stops
   * sending here; then stops accepting connections and answers every request already received or still arriving
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

/** Where apps (createHttpApp) answer readiness; the server withdraws it while draining. */
const readinessPath = '/readyz';

export interface ListenOptions {
  port: number;
  /** Every interface when not given. */
  host?: string;
  /**
   * How long an idle connection stays open: Node's 5 s unless given (HTTP_KEEP_ALIVE_SECONDS;
   * the chart's httpKeepAliveSeconds says why).
   */
  keepAliveMs?: number;
}

/** Serves `app` as `options` say; fails as `listen` does (EADDRINUSE carries the port). */
export function listenDrainable(
  app: RequestListener,
  { port, host, keepAliveMs }: ListenOptions,
): Promise<DrainableServer> {
  let draining = false;
  let withdrawn = false;
  const report = { answered: 0, cutOff: 0 };
  const unanswered = new Set<Parameters<RequestListener>[1]>();
  const server = createServer((req, res) => {
    unanswered.add(res);
    res.once('close', () => {
      unanswered.delete(res);
      if (draining) report[res.writableFinished ? 'answered' : 'cutOff']++;
    });
    if (draining) res.setHeader('Connection', 'close');
    if (withdrawn && req.method === 'GET' && req.url?.split('?')[0] === readinessPath) {
      res.writeHead(503, { 'Content-Type': 'application/json', Connection: 'close' });
      res.end(JSON.stringify({ status: 'draining' }));
      return;
    }
    app(req, res);
  });
  if (keepAliveMs !== undefined) {
    server.keepAliveTimeout = keepAliveMs;
    // Node refuses a request whose headers take longer than this, which must outlast an idle wait.
    server.headersTimeout = Math.max(server.headersTimeout, keepAliveMs + 1000);
  }
  const drain = async (graceMs = 10_000) => {
    const startedAt = Date.now();
    withdrawn = true;
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
    server.listen({ port, host }, () => resolve({ server, drain }));
  });
}
