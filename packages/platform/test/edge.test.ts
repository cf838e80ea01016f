import {
  createServer,
  request,
  type IncomingMessage,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from '@checkout/test-kit';
import express from 'express';
import { edgeRouter } from '../src/dapr/edge';
import { serviceNames, type ServiceName } from '../src/services';

/**
 * The edge of `npm run start:dapr` over plain HTTP upstreams: what passes through unchanged, and
 * what happens when a service, or the client, goes away halfway.
 */
const servers: Server[] = [];

async function listen(handler: RequestListener): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** An edge whose every service is `port`, except those given their own. */
async function startEdge(port: number, own: Partial<Record<ServiceName, number>> = {}) {
  const ports = Object.fromEntries(serviceNames.map((name) => [name, own[name] ?? port]));
  return listen(express().use(edgeRouter(ports as Record<ServiceName, number>)));
}

/** Sends a request through the edge; the test decides when (and whether) the body ends. */
function send(edgePort: number, method: string, path: string, headers: Record<string, string>) {
  return request({ host: '127.0.0.1', port: edgePort, method, path, headers });
}

const answerOf = (req: ReturnType<typeof send>) =>
  new Promise<IncomingMessage>((resolve, reject) =>
    req.on('response', resolve).on('error', reject),
  );

const textOf = async (answer: IncomingMessage) => {
  let text = '';
  for await (const chunk of answer) text += String(chunk);
  return text;
};

const body = JSON.stringify({ leadId: 'lead-1', courseId: 'typescript-fundamentals' });

test('a request reaches the service that owns its path with method, query, headers and body unchanged', async () => {
  let seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string };
  const financial = await listen((req, res) => {
    void textOf(req).then((text) => {
      seen = { method: req.method, url: req.url, headers: req.headers, body: text };
      res.writeHead(202, { 'content-type': 'application/json', 'idempotent-replay': 'false' });
      res.end('{"id":"checkout-1"}');
    });
  });
  const elsewhere = await listen((_req, res) => res.writeHead(418).end());
  const edge = await startEdge(elsewhere, { financial });

  const sent = send(edge, 'POST', '/api/v1/checkouts?source=ads&x=%20y', {
    'content-type': 'application/json; charset=utf-8',
    'idempotency-key': 'key-123',
  });
  sent.end(body);
  const answer = await answerOf(sent);

  expect(seen!).toMatchObject({
    method: 'POST',
    url: '/api/v1/checkouts?source=ads&x=%20y',
    body,
    headers: expect.objectContaining({
      'content-type': 'application/json; charset=utf-8',
      'idempotency-key': 'key-123',
    }),
  });
  expect(answer.statusCode).toBe(202);
  expect(answer.headers).toMatchObject({
    'content-type': 'application/json',
    'idempotent-replay': 'false',
  });
  expect(await textOf(answer)).toBe('{"id":"checkout-1"}');
});

test('a path no service owns is left to the routes behind the edge', async () => {
  const upstream = await listen((_req, res) => res.writeHead(200).end());
  const edge = await startEdge(upstream);

  const sent = send(edge, 'GET', '/api/v1/coursesX', {});
  sent.end();

  expect((await answerOf(sent)).statusCode).toBe(404);
});

test('a service that is down answers 503 problem+json with Retry-After', async () => {
  const down = await listen(() => undefined);
  await new Promise((resolve) => servers.pop()!.close(resolve));
  const edge = await startEdge(down);

  const sent = send(edge, 'GET', '/api/v1/courses', {});
  sent.end();
  const answer = await answerOf(sent);

  expect(answer.statusCode).toBe(503);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  expect(answer.headers['retry-after']).toBe('1');
  expect(JSON.parse(await textOf(answer))).toMatchObject({ status: 503 });
});

test('when a service dies halfway through its answer, the client connection is cut at once, not left hanging', async () => {
  const upstream = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items":[', () => res.socket?.destroy());
  });
  const edge = await startEdge(upstream);

  const sent = send(edge, 'GET', '/api/v1/courses', {});
  sent.end();
  const answer = await answerOf(sent);
  answer.resume();
  let closed = false;
  answer.on('error', () => undefined).on('close', () => (closed = true));

  await waitUntil('the client connection closes', () => closed || undefined, 2_000);
  // A clean end would pass the cut body off as the whole answer.
  expect(answer.complete).toBe(false);
});

/** An upstream that never answers and tells whether its request was closed under it. */
async function silentUpstream() {
  const upstream = { port: 0, received: false, closed: false };
  upstream.port = await listen((req, res) => {
    upstream.received = true;
    req.resume();
    res.on('close', () => (upstream.closed = !res.writableFinished));
  });
  return upstream;
}

test('when the client goes away while sending its body, the request to the service is aborted', async () => {
  const upstream = await silentUpstream();
  const edge = await startEdge(upstream.port);

  const sent = send(edge, 'POST', '/api/v1/leads', {
    'content-type': 'application/json',
    'content-length': String(body.length),
  });
  sent.on('error', () => undefined).write(body.slice(0, 10));
  await waitUntil('the service receives the request', () => upstream.received || undefined);
  sent.destroy();

  await waitUntil('the service sees its request closed', () => upstream.closed || undefined, 2_000);
});

test.each([
  ['a plain GET', 'GET', {}],
  ['a POST that asked for 100-continue', 'POST', { expect: '100-continue', 'content-length': '2' }],
])(
  'when the client gives up waiting for the answer to %s, the request to the service is aborted',
  async (_name, method, headers: Record<string, string>) => {
    const upstream = await silentUpstream();
    const edge = await startEdge(upstream.port);

    const sent = send(edge, method, '/api/v1/checkouts/checkout-1', headers);
    sent.on('error', () => undefined);
    if (headers.expect) sent.on('continue', () => sent.end('{}'));
    else sent.end();
    await waitUntil('the service receives the request', () => upstream.received || undefined);
    sent.destroy();

    await waitUntil(
      'the service sees its request closed',
      () => upstream.closed || undefined,
      2_000,
    );
  },
);
