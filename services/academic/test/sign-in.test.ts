import { randomBytes, scryptSync } from 'node:crypto';
import { parseKeyRing, type ServiceRuntime } from '@checkout/service-kit';
import { createCheckoutClient, type CheckoutClient } from '@checkout/client';
import { startServiceUnderTest, type ServiceUnderTest } from '@checkout/test-kit';
import { academicDatabase, createAcademicService } from '../src';
import { roomyLimits } from './roomy-limits';
import { hashPassword } from '../src/domain/secrets';

let academic: ServiceUnderTest<ServiceRuntime>;
let api: CheckoutClient;

beforeAll(async () => {
  academic = await startServiceUnderTest(academicDatabase, (context) =>
    createAcademicService({
      ...context,
      activationTokenKeys: parseKeyRing(`k-1:${Buffer.alloc(32, 7).toString('base64')}`, 'keys'),
      // Out of the way: this file measures the passwords' work, not the back-off.
      ...roomyLimits,
    }),
  );
  api = createCheckoutClient({ baseUrl: `${academic.baseUrl}/api/v1` });
});
afterAll(() => academic.stop());

const addStudent = (email: string, passwordHash: string) =>
  academic.orm.em.fork().execute(
    `insert into academic.student (id, name, email, password_hash, created_at)
       values (?, 'Ana Souza', ?, ?, now())`,
    [`s-${email}`, email, passwordHash],
  );

const storedHash = async (email: string) => {
  const rows = await academic.orm.em
    .fork()
    .execute<{ password_hash: string }[]>(
      'select password_hash from academic.student where email = ?',
      [email],
    );
  return rows[0]?.password_hash;
};

const signIn = async (email: string, password: string) =>
  (await api.POST('/sessions', { body: { email, password } })).response.status;

async function timed(work: () => Promise<unknown>) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

describe('sign-in', () => {
  it('signs in with a password hashed at the old cost and stores it again at the current one', async () => {
    const salt = randomBytes(16);
    const legacy = `scrypt:${salt.toString('base64')}:${scryptSync('an old secret', salt, 32).toString('base64')}`;
    await addStudent('old@example.com', legacy);
    expect(await signIn('old@example.com', 'wrong')).toBe(401);
    expect(await storedHash('old@example.com')).toBe(legacy);

    expect(await signIn('old@example.com', 'an old secret')).toBe(201);
    const rehashed = await storedHash('old@example.com');
    expect(rehashed).toMatch(/^scrypt\$ln=17,r=8,p=1\$/);
    expect(await signIn('old@example.com', 'an old secret')).toBe(201);
    expect(await storedHash('old@example.com')).toBe(rehashed);
  });

  it('takes as long to refuse an unknown e-mail as a wrong password (medians of 20 within 20 %)', async () => {
    await addStudent('known@example.com', await hashPassword('the right one'));
    const unknown: number[] = [];
    const known: number[] = [];
    // Interleaved, so that load from elsewhere on the machine falls on both alike.
    for (let i = 0; i < 21; i += 1) {
      const u = await timed(async () =>
        expect(await signIn('nobody@example.com', 'guess')).toBe(401),
      );
      const k = await timed(async () =>
        expect(await signIn('known@example.com', 'guess')).toBe(401),
      );
      // The first pair warms up connections and code paths.
      if (i === 0) continue;
      unknown.push(u);
      known.push(k);
    }
    const [u, k] = [median(unknown), median(known)];
    const difference = Math.abs(u - k) / Math.max(u, k);
    console.log(
      `sign-in refusals, median of 20: unknown e-mail ${u.toFixed(1)} ms, ` +
        `known e-mail with a wrong password ${k.toFixed(1)} ms, difference ${(difference * 100).toFixed(1)} %`,
    );
    expect(difference).toBeLessThan(0.2);
  });
});
