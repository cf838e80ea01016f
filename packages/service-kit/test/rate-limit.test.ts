import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase } from '@checkout/test-kit';
import { Router } from 'express';
import {
  CreateRateLimitTable,
  RateLimitCounter,
  createHttpApp,
  createLogger,
  failureBackoff,
  metricsRegistry,
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
const backoff = {
  name: 'guess',
  freeFailures: 2,
  backoffSeconds: 1,
  maxBackoffSeconds: 2,
  memorySeconds: 60,
  resetOnSuccess: true,
};

/** A replica: its own pool and app, counting on the shared database. */
async function startReplica(databaseUrl: string) {
  const orm = await openDatabase(limitedDatabase, databaseUrl, 2);
  const router = Router();
  const guesses = failureBackoff(orm, backoff, (req) => String(req.params.name));
  // A guess is right when it says so; the limit learns of it as sign-in would tell it.
  router.post('/guess/:name/:guess', guesses.admit, async (req, res) => {
    if (req.params.guess !== 'right') return void res.status(401).end();
    await guesses.succeeded(req);
    res.status(204).end();
  });
  router.post(
    '/greet/:name',
    rateLimit(orm, limit, (req) => String(req.params.name)),
    (_, res) => {
      res.status(204).end();
    },
  );
  const app = createHttpApp({
    logger: createLogger('test', 'silent'),
    service: 'test',
    routers: [router],
    isReady: async () => true,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    orm,
    greet: (name: string) => fetch(`${url}/greet/${name}`, { method: 'POST' }),
    guess: (name: string, guess: 'right' | 'wrong') =>
      fetch(`${url}/guess/${name}/${guess}`, { method: 'POST' }),
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

  it('counts its refusals under its name', async () => {
    const [one] = replicas as [(typeof replicas)[0]];
    const refusals = async () =>
      (await metricsRegistry.getSingleMetric('checkout_rate_limit_rejections_total')!.get()).values
        .filter(({ labels }) => labels.limit === 'greeting' && labels.service === 'test')
        .reduce((sum, { value }) => sum + value, 0);
    const before = await refusals();
    expect((await one.greet('eva')).status).toBe(204);
    expect((await one.greet('eva')).status).toBe(204);
    expect((await one.greet('eva')).status).toBe(429);
    expect(await refusals()).toBe(before + 1);
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

describe('a failure back-off', () => {
  const retryAfter = (response: Response) => Number(response.headers.get('retry-after'));

  it('makes every attempt after the free failures wait, doubling the wait up to its cap', async () => {
    const [one, two] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    expect((await one.guess('caio', 'wrong')).status).toBe(401);
    expect((await two.guess('caio', 'wrong')).status).toBe(401);
    const refused = await one.guess('caio', 'right');
    expect(refused.status).toBe(429);
    expect(retryAfter(refused)).toBe(1);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too many requests' });

    await sleep(1100);
    expect((await two.guess('caio', 'wrong')).status).toBe(401);
    const longer = await one.guess('caio', 'right');
    expect([longer.status, retryAfter(longer)]).toEqual([429, 2]);
    await sleep(2100);
    expect((await one.guess('caio', 'wrong')).status).toBe(401);
    const capped = await two.guess('caio', 'right');
    expect([capped.status, retryAfter(capped)]).toEqual([429, 2]);
  });

  it('forgets the failures once the right guess comes after the wait', async () => {
    const [one] = replicas as [(typeof replicas)[0]];
    expect((await one.guess('davi', 'wrong')).status).toBe(401);
    expect((await one.guess('davi', 'wrong')).status).toBe(401);
    expect((await one.guess('davi', 'right')).status).toBe(429);
    await sleep(1100);
    expect((await one.guess('davi', 'right')).status).toBe(204);
    expect((await one.guess('davi', 'wrong')).status).toBe(401);
    expect((await one.guess('davi', 'right')).status).toBe(204);
  });
});
