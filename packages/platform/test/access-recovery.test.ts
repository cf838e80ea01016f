import { buyCourse, startTestPlatform, testCards, type TestPlatform } from '@checkout/test-kit';

/**
 * A student who lost their link or their password gets a new one by e-mail, and signs out: the
 * platform as a user runs it, driven through the public API, e-mails read from a real SMTP server.
 * The per-e-mail limit is made small here, so that a test can reach it.
 */
let platform: TestPlatform;
const publicUrl = 'https://cursos.example.com';
const limits = {
  ACCESS_REQUESTS_PER_EMAIL: '2',
  ACCESS_REQUESTS_PER_CLIENT: '100',
  ACCESS_REQUESTS_WINDOW_SECONDS: '600',
};

beforeAll(async () => {
  platform = await startTestPlatform({ PUBLIC_URL: publicUrl, ...limits });
}, 180_000);

afterAll(() => platform?.stop());

const linkIn = (text: string) =>
  new RegExp(`${publicUrl}/activate\\?token=([\\w-]+)`).exec(text)?.[1] ?? '';

/** A student whose checkout was approved, and the token of their approval e-mail's link. */
async function newStudent() {
  const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
  const email = await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail));
  return { address: journey.studentEmail, approvalToken: linkIn(email.text) };
}

/** Asks for a link and returns the token of the e-mail it sends. */
async function requestLink(address: string) {
  const before = platform.sink.emails.length;
  const answer = await platform.api.POST('/access/requests', { body: { email: address } });
  expect(answer.response.status).toBe(202);
  const email = await platform.sink.waitFor(
    (e) => e.to.includes(address) && platform.sink.emails.indexOf(e) >= before,
  );
  return { token: linkIn(email.text), email };
}

const activate = async (token: string, password: string) =>
  (await platform.api.POST('/access/activate', { body: { token, password } })).response.status;
const signIn = async (email: string, password: string) =>
  (await platform.api.POST('/sessions', { body: { email, password } })).data?.accessToken;
const enrollmentsStatus = async (accessToken: string) =>
  (
    await platform.api.GET('/me/enrollments', {
      headers: { Authorization: `Bearer ${accessToken}` },
    })
  ).response.status;

/** What a client sees of an answer: everything but its date. */
async function seen(email: string) {
  const started = performance.now();
  const { response } = await platform.api.POST('/access/requests', { body: { email } });
  const ms = performance.now() - started;
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
  return { status: response.status, headers, body: await response.text(), ms };
}

describe('asking for a new access link', () => {
  it('answers for an unknown e-mail exactly as for a student, and sends nothing', async () => {
    const student = await newStudent();
    const unknown = `nobody-${Date.now()}@example.com`;
    const forUnknown = await seen(unknown);
    const before = platform.sink.emails.length;
    const forStudent = await seen(student.address);
    expect({ ...forUnknown, ms: 0 }).toEqual({ ...forStudent, ms: 0 });
    expect(forUnknown.status).toBe(202);
    // The student's link e-mail was queued after the unknown address's request was answered.
    await platform.sink.waitFor(
      (e) => e.to.includes(student.address) && platform.sink.emails.indexOf(e) >= before,
    );
    expect(platform.sink.emails.filter((e) => e.to.includes(unknown))).toEqual([]);
    const queued = await platform.sql(
      `select 1 from notification.email_delivery where recipient = $1
       union all select 1 from notification.sent_email where recipient = $1`,
      [unknown],
    );
    expect(queued).toEqual([]);
  });

  it('sends a student who never activated a new activation link; the approval e-mail link stops working', async () => {
    const student = await newStudent();
    const { token, email } = await requestLink(student.address);
    expect(email.subject).toBe('Seu novo link de acesso');
    expect(await activate(student.approvalToken, 'uma senha longa')).toBe(422);
    expect(await activate(token, 'uma senha longa')).toBe(204);
    expect(await signIn(student.address, 'uma senha longa')).toBeDefined();
  });

  it('sends an activated student a reset link that works once and voids the earlier one; the old password and sessions then fail', async () => {
    const student = await newStudent();
    expect(await activate(student.approvalToken, 'a senha antiga')).toBe(204);
    const oldSession = (await signIn(student.address, 'a senha antiga')) as string;
    expect(await enrollmentsStatus(oldSession)).toBe(200);

    const first = await requestLink(student.address);
    const second = await requestLink(student.address);
    expect(second.email.subject).toBe('Redefina sua senha');
    expect(second.email.text).toContain('&purpose=password-reset');
    expect(await activate(first.token, 'a senha nova')).toBe(422);
    expect(await activate(second.token, 'a senha nova')).toBe(204);
    expect(await activate(second.token, 'outra senha')).toBe(422);

    expect(await enrollmentsStatus(oldSession)).toBe(401);
    expect(await signIn(student.address, 'a senha antiga')).toBeUndefined();
    const newSession = (await signIn(student.address, 'a senha nova')) as string;
    expect(await enrollmentsStatus(newSession)).toBe(200);
  });

  it('refuses more requests for one e-mail than the limit with 429 and Retry-After, across platform instances on one database', async () => {
    const address = `limited-${Date.now()}@example.com`;
    expect((await seen(address)).status).toBe(202);
    expect((await seen(address)).status).toBe(202);
    const refused = await platform.api.POST('/access/requests', { body: { email: address } });
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.response.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(refused.response.headers.get('Retry-After'))).toBeLessThanOrEqual(600);

    const other = await startTestPlatform({ DATABASE_URL: platform.databaseUrl, ...limits });
    try {
      const elsewhere = await other.api.POST('/access/requests', { body: { email: address } });
      expect(elsewhere.response.status).toBe(429);
    } finally {
      await other.stop();
    }
  }, 120_000);
});

describe('signing out', () => {
  it('revokes the access token at once', async () => {
    const student = await newStudent();
    expect(await activate(student.approvalToken, 'uma senha longa')).toBe(204);
    const session = (await signIn(student.address, 'uma senha longa')) as string;
    const auth = { headers: { Authorization: `Bearer ${session}` } };
    expect((await platform.api.DELETE('/sessions/current', auth)).response.status).toBe(204);
    expect(await enrollmentsStatus(session)).toBe(401);
    expect((await platform.api.DELETE('/sessions/current', auth)).response.status).toBe(401);
  });
});
