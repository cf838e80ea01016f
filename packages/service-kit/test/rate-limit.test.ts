import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTestDatabase } from '@checkout/test-kit';
import { Router } from 'express';
import {
  CreateRateLimitTable,
  RateLimitCounter,
  createHttpApp,
  createLogger,
  migrateDatabase,
  openDatabase,
  rateLimit,
  type Database,
} from '../src';

const limitedDatabase = {
  schema: 'limited',
  entities: [RateLimitCounter],
  migrations: [{ name: '0001', class: CreateRateLimitTable }],
};
const limit = { name: 'greeting', points: 2, windowSeconds: 60 };

/** A replica: its own pool and app, counting on the shared database. */
async function startReplica(databaseUrl: string) {
  const orm = await openDatabase(limitedDatabase, databaseUrl, 2);
  const router = Router();
  router.post(
    '/greet/:name',
    rateLimit(orm, limit, (req) => String(req.params.name)),
    (_, res) => {
      res.status(204).end();
    },
  );
  const app = createHttpApp({
    logger: createLogger('test', 'silent'),
    routers: [router],
    isReady: async () => true,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    orm,
    greet: (name: string) => fetch(`${url}/greet/${name}`, { method: 'POST' }),
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await orm.close();
    },
  };
}

let replicas: Awaited<ReturnType<typeof startReplica>>[];
let orm: Database;
beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const first = await startReplica(databaseUrl);
  await migrateDatabase(first.orm);
  replicas = [first, await startReplica(databaseUrl)];
  orm = first.orm;
});
afterAll(() => Promise.all(replicas.map((replica) => replica.stop())));

describe('a rate limit', () => {
  it('holds across replicas and answers 429 problem+json with Retry-After once over', async () => {
    const [one, two] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    expect((await one.greet('ana')).status).toBe(204);
    expect((await two.greet('ana')).status).toBe(204);
    const refused = await one.greet('ana');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(55);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    expect((await two.greet('ana')).status).toBe(429);
  });

  it('counts each key on its own', async () => {
    const [one] = replicas as [(typeof replicas)[0]];
    expect((await one.greet('bia')).status).toBe(204);
  });

  it('stores keys only hashed', async () => {
    const rows = await orm.em.fork().execute('select key from limited.rate_limit');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/ana|bia/);
  });
});
