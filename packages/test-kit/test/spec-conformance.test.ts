import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCheckoutClient } from '@checkout/client';
import { specConformance } from '../src';

/** A real HTTP server whose next answer each test sets. */
let answer: { status: number; type?: string; body?: string };
let server: Server;
let api: ReturnType<typeof createCheckoutClient>;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer.status, answer.type ? { 'content-type': answer.type } : {});
    res.end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  api = createCheckoutClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`,
  });
  api.use(specConformance);
});

afterAll(() => new Promise((done) => server.close(done)));

const course = { id: 'typescript-fundamentals', title: 'TS', priceCents: 29700, currency: 'BRL' };
const json = (status: number, body: unknown, type = 'application/json') => ({
  status,
  type,
  body: JSON.stringify(body),
});

describe('checking every answer against the spec', () => {
  it('lets through an answer with a declared status, content type and body', async () => {
    answer = json(200, { items: [course] });
    expect((await api.GET('/courses')).data).toEqual({ items: [course] });
    answer = { status: 204 };
    const signOut = api.DELETE('/sessions/current', { headers: { Authorization: 'Bearer x' } });
    expect((await signOut).response.status).toBe(204);
  });

  it('lets through a declared problem', async () => {
    answer = json(
      404,
      { type: '/problems/not-found', title: 'Not found', status: 404 },
      'application/problem+json',
    );
    const { error } = await api.GET('/checkouts/{id}', { params: { path: { id: 'x' } } });
    expect(error).toMatchObject({ status: 404 });
  });

  it('rejects a status the operation does not declare', async () => {
    answer = json(
      418,
      { type: '/problems/teapot', title: 'Teapot', status: 418 },
      'application/problem+json',
    );
    await expect(api.GET('/courses')).rejects.toThrow(
      'GET /courses answered 418, not as the spec says: status 418 is not declared',
    );
  });

  it('rejects a content type the status does not declare', async () => {
    answer = json(400, { type: '/problems/x', title: 'X', status: 400 });
    await expect(api.GET('/courses')).rejects.toThrow(
      'content type "application/json" is not one of application/problem+json',
    );
  });

  it('rejects a body that breaks its schema, naming the field', async () => {
    answer = json(200, { items: [{ ...course, priceCents: '297.00' }] });
    await expect(api.GET('/courses')).rejects.toThrow('/items/0/priceCents must be integer');
  });

  it('rejects a body where the spec declares none', async () => {
    answer = { status: 202, type: 'text/plain', body: 'queued' };
    const request = api.POST('/access/requests', { body: { email: 'ana@example.com' } });
    await expect(request).rejects.toThrow('a body where the spec declares none');
  });
});
