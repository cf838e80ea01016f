import { setTimeout as sleep } from 'node:timers/promises';
import {
  buyCourse,
  startTestPlatform,
  testCards,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * Password guessing meets a growing back-off: the platform as a user runs it, driven through the
 * public API. The back-off is made short here, so that a test can wait it out.
 */
let platform: TestPlatform;
const publicUrl = 'https://cursos.example.com';

beforeAll(async () => {
  platform = await startTestPlatform({
    PUBLIC_URL: publicUrl,
    SIGN_IN_FAILURES_PER_ACCOUNT: '3',
    // Every test here signs in from the same address; the client's limit is service-kit's to prove.
    SIGN_IN_FAILURES_PER_CLIENT: '1000',
    // Long enough that a slow sign-in (CI runs many suites at once) cannot use up the gap between
    // the first back-off and the doubled one.
    SIGN_IN_BACKOFF_SECONDS: '4',
    SIGN_IN_MAX_BACKOFF_SECONDS: '8',
  });
}, 180_000);

afterAll(() => platform?.stop());

/** A student whose checkout was approved and who set `password` with the approval e-mail's link. */
async function studentWith(password: string) {
  const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
  const email = await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail));
  const token = new RegExp(`${publicUrl}/activate\\?token=([\\w-]+)`).exec(email.text)?.[1] ?? '';
  const activated = await platform.api.POST('/access/activate', { body: { token, password } });
  expect(activated.response.status).toBe(204);
  return journey.studentEmail;
}

const signIn = async (email: string, password: string) => {
  const { response } = await platform.api.POST('/sessions', { body: { email, password } });
  return {
    status: response.status,
    retryAfter: Number(response.headers.get('retry-after')),
    type: response.headers.get('content-type'),
  };
};

/**
 * Expects a 429 problem asking to wait more than `longerThan` and at most `atMost` seconds: a
 * back-off starts with the attempt that earns it, so part of it has passed when the next comes.
 */
function expectWait(
  answer: Awaited<ReturnType<typeof signIn>>,
  longerThan: number,
  atMost: number,
) {
  expect(answer.status).toBe(429);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  expect(answer.retryAfter).toBeGreaterThan(longerThan);
  expect(answer.retryAfter).toBeLessThanOrEqual(atMost);
}

async function failThrice(email: string) {
  for (let i = 0; i < 3; i += 1) expect((await signIn(email, 'a guess')).status).toBe(401);
}

describe('signing in after wrong passwords', () => {
  it('refuses even the right password until the back-off passes, then accepts it', async () => {
    const email = await studentWith('the right one');
    await failThrice(email);
    expectWait(await signIn(email, 'the right one'), 0, 4);

    const answers: number[] = [];
    await waitUntil(
      'the right password to be accepted once the back-off passes',
      async () => {
        answers.push((await signIn(email, 'the right one')).status);
        return answers.at(-1) === 201 || undefined;
      },
      10_000,
      250,
    );
    expect(answers.slice(0, -1).every((status) => status === 429)).toBe(true);
    // The right password forgot the failures: three more wrong ones are answered 401 again.
    await failThrice(email);
  });

  it('lengthens the back-off with each further wrong password', async () => {
    const email = await studentWith('the right one');
    await failThrice(email);
    expectWait(await signIn(email, 'the right one'), 0, 4);
    await sleep(4_100);
    expect((await signIn(email, 'another guess')).status).toBe(401);
    // Doubled: longer than the whole first back-off.
    expectWait(await signIn(email, 'the right one'), 4, 8);
  });

  it('answers an unknown e-mail the same way, so a 429 tells no one who is a student', async () => {
    const unknown = `nobody-${Date.now()}@example.com`;
    await failThrice(unknown);
    expectWait(await signIn(unknown, 'a guess'), 0, 4);
  });
});
