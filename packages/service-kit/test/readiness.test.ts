import { request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from '@checkout/local-infra';
import { Router } from 'express';
import { createHttpApp, createLogger, listenDrainable, type DrainableServer } from '../src';

/** GET `path` on `port` through `agent`; resolves with the status and the Connection header. */
const get = (port: number, path: string, agent: Agent) =>
  new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
      );
    })
      .once('error', reject)
      .end();
  });

let release: (() => void) | undefined;
const slow = Router().get('/slow', async (_req, res) => {
  await new Promise<void>((resolve) => (release = resolve));
  res.json({ ok: true });
});

async function serve(isReady: () => Promise<boolean>) {
  const app = createHttpApp({
    logger: createLogger('test', 'silent'),
    service: 'test',
    routers: [slow],
    isReady,
  });
  const server: DrainableServer = await listenDrainable(app, { port: 0, host: '127.0.0.1' });
  return { server, port: (server.server.address() as AddressInfo).port };
}

describe('readiness', () => {
  it('answers 503 when a dependency is not reachable, 200 when it is', async () => {
    let reachable = false;
    const { server, port } = await serve(async () => reachable);
    const agent = new Agent();
    expect((await get(port, '/readyz', agent)).status).toBe(503);
    reachable = true;
    expect((await get(port, '/readyz', agent)).status).toBe(200);
    await server.drain(1000);
  });

  it('answers 503 as soon as the server drains, while requests in flight still finish', async () => {
    const { server, port } = await serve(async () => true);
    // A balancer's probe keeps its connection open; a client's request is still running.
    const probe = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(port, '/readyz', probe)).status).toBe(200);
    const inFlight = get(port, '/slow', new Agent());
    const arrived = await waitUntil('the slow request to arrive', () => release);

    const drained = server.drain(5000);
    expect(await get(port, '/readyz', probe)).toEqual({ status: 503, connection: 'close' });
    arrived();
    expect((await inFlight).status).toBe(200);
    expect(await drained).toMatchObject({ cutOff: 0 });
  });
});
