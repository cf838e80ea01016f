import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadOpenApiSpec } from '@checkout/contracts';
import { Router } from 'express';
import { createHttpApp, createLogger, pagePolicy, requireAppToken, requireBearerKey } from '../src';

/** A real app on a free port of this machine, serving `routers` as a service does. */
async function serve(options: { routers: Router[]; publicUrl?: string }) {
  const app = createHttpApp({
    logger: createLogger('test', 'silent'),
    service: 'test',
    isReady: async () => true,
    spec: loadOpenApiSpec(),
    ...options,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

const catalogue = Router()
  .get('/api/v1/courses', (_req, res) => {
    res.json({ items: [] });
  })
  .get('/page', pagePolicy({ defaultSrc: ["'self'"] }), (_req, res) => {
    res.type('html').send('<!doctype html><p>page</p>');
  });

describe('security headers', () => {
  it('marks every answer nosniff, sends no referrer, and lets a JSON answer load nothing', async () => {
    const url = await serve({ routers: [catalogue] });
    for (const path of ['/api/v1/courses', '/healthz', '/api/v1/nowhere']) {
      const response = await fetch(`${url}${path}`);
      expect({ path, nosniff: response.headers.get('x-content-type-options') }).toEqual({
        path,
        nosniff: 'nosniff',
      });
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none';frame-ancestors 'none'",
      );
    }
  });

  it('keeps every /api answer out of caches, and nothing else', async () => {
    const url = await serve({ routers: [catalogue] });
    expect((await fetch(`${url}/api/v1/courses`)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${url}/api/v1/nowhere`)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${url}/healthz`)).headers.get('cache-control')).toBeNull();
  });

  it("gives a page its own policy in place of the API's", async () => {
    const url = await serve({ routers: [catalogue] });
    const page = await fetch(`${url}/page`);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends HSTS when buyers reach the platform over https, and not over plain http', async () => {
    const https = await serve({ routers: [catalogue], publicUrl: 'https://courses.example' });
    expect((await fetch(`${https}/healthz`)).headers.get('strict-transport-security')).toMatch(
      /^max-age=\d{8}/,
    );
    for (const publicUrl of ['http://localhost:8080', undefined]) {
      const http = await serve({ routers: [catalogue], ...(publicUrl && { publicUrl }) });
      const response = await fetch(`${http}/healthz`);
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('methods', () => {
  it('answers a method the spec does not declare on a path it does with 405 and Allow', async () => {
    const url = await serve({ routers: [catalogue] });
    const response = await fetch(`${url}/api/v1/courses`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 405, title: 'Method not allowed' });
  });

  it('matches a path parameter as one segment, and leaves other paths to the 404', async () => {
    const url = await serve({ routers: [] });
    const checkout = await fetch(`${url}/api/v1/checkouts/some-id`, { method: 'PUT' });
    expect(checkout.status).toBe(405);
    expect(checkout.headers.get('allow')).toBe('GET, HEAD');
    for (const path of ['/api/v1/checkouts/some-id/more', '/api/v1/nowhere', '/courses']) {
      const response = await fetch(`${url}${path}`, { method: 'DELETE' });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('leaves a declared method this app does not serve to the 404', async () => {
    const url = await serve({ routers: [] });
    expect((await fetch(`${url}/api/v1/courses`)).status).toBe(404);
  });
});

describe('routes only the sidecar may call', () => {
  const internal = (token: string | undefined) =>
    Router()
      .use('/internal', requireAppToken(token))
      .post('/internal/cards/reveal', (_req, res) => {
        res.json({ number: '4242424242424242' });
      });
  const reveal = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/internal/cards/reveal`, { method: 'POST', headers });

  it('refuse every request when no token is configured, whatever the caller sends', async () => {
    const url = await serve({ routers: [internal(undefined)] });
    const attempts: Record<string, string>[] = [
      {},
      { 'dapr-api-token': '' },
      { 'dapr-api-token': 'anything' },
    ];
    for (const headers of attempts) {
      const response = await reveal(url, headers);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('4242');
    }
  });

  it('let the sidecar through with the configured token, and no one else', async () => {
    const url = await serve({ routers: [internal('s3cret-token')] });
    expect((await reveal(url, { 'dapr-api-token': 's3cret-token' })).status).toBe(200);
    expect((await reveal(url, { 'dapr-api-token': 's3cret-tokem' })).status).toBe(401);
    expect((await reveal(url)).status).toBe(401);
  });
});

describe("routes behind the seller's key", () => {
  const admin = Router()
    .use('/api/v1/admin', requireBearerKey('seller-s3cret', 'seller API key'))
    .get('/api/v1/admin/coupons', (_req, res) => {
      res.json({ items: [] });
    });
  const list = (url: string, authorization?: string) =>
    fetch(`${url}/api/v1/admin/coupons`, {
      headers: authorization === undefined ? {} : { authorization },
    });

  it('let through only the bearer of the key, refusing anyone else with the same 401 problem', async () => {
    const url = await serve({ routers: [admin] });
    expect((await list(url, 'Bearer seller-s3cret')).status).toBe(200);
    expect((await list(url, 'bearer seller-s3cret')).status).toBe(200);
    for (const refused of [
      undefined,
      '',
      'Bearer',
      'Bearer seller-s3cres',
      'Bearer seller-s3cret2',
      'Bearer seller-s3cret extra',
      'Basic seller-s3cret',
      'seller-s3cret',
    ]) {
      const response = await list(url, refused);
      expect({ refused, status: response.status }).toEqual({ refused, status: 401 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('cannot be set up with an empty key', () => {
    expect(() => requireBearerKey('', 'seller API key')).toThrow('seller API key is empty');
  });
});
