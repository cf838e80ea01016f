import { request } from 'node:http';
import { parseKeyRing, type ServiceRuntime } from '@checkout/service-kit';
import { startServiceUnderTest, type ServiceUnderTest } from '@checkout/test-kit';
import { academicDatabase, createAcademicService } from '../src';
import { roomyLimits } from './roomy-limits';
import { hashPassword } from '../src/domain/secrets';

/**
 * The per-client back-off, with clients told apart by their own loopback addresses (127.0.0.x
 * all reach a server on 127.0.0.1): the end-to-end suite cannot, as the Dapr edge fronts them all.
 */
let academic: ServiceUnderTest<ServiceRuntime>;

beforeAll(async () => {
  academic = await startServiceUnderTest(academicDatabase, (context) =>
    createAcademicService({
      ...context,
      activationTokenKeys: parseKeyRing(`k-1:${Buffer.alloc(32, 9).toString('base64')}`, 'keys'),
      ...roomyLimits,
      signInLimits: {
        failuresPerAccount: 100,
        failuresPerClient: 2,
        backoffSeconds: 60,
        maxBackoffSeconds: 60,
        failureMemorySeconds: 3600,
      },
    }),
  );
  await academic.orm.em.fork().execute(
    `insert into academic.student (id, name, email, password_hash, created_at)
     values ('s-1', 'Ana Souza', 'ana@example.com', ?, now())`,
    [await hashPassword('the right one')],
  );
});
afterAll(() => academic.stop());

/** POST /api/v1/sessions from `from`; resolves with the status and Retry-After. */
function signIn(from: string, email: string, password: string) {
  const body = JSON.stringify({ email, password });
  const { port } = new URL(academic.baseUrl);
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/v1/sessions',
        headers: { 'content-type': 'application/json' },
      },
      (answer) => {
        answer.resume();
        answer.on('end', () =>
          resolve({ status: answer.statusCode ?? 0, retryAfter: answer.headers['retry-after'] }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

describe('sign-in from one client', () => {
  it('after its wrong passwords, makes it wait whichever e-mail it tries, and it alone', async () => {
    expect((await signIn('127.0.0.2', 'one@example.com', 'guess')).status).toBe(401);
    expect((await signIn('127.0.0.2', 'two@example.com', 'guess')).status).toBe(401);
    const refused = await signIn('127.0.0.2', 'ana@example.com', 'the right one');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(50);
    expect((await signIn('127.0.0.3', 'ana@example.com', 'the right one')).status).toBe(201);
  });

  it('does not count its right passwords', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await signIn('127.0.0.4', 'ana@example.com', 'the right one')).status).toBe(201);
    expect((await signIn('127.0.0.4', 'one@example.com', 'guess')).status).toBe(401);
  });
});
