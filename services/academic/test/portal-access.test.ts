import { AccessLinkIssued, CheckoutApproved, PortalAccessGranted } from '@checkout/contracts';
import { openToken, parseKeyRing, type ServiceRuntime } from '@checkout/service-kit';
import { createCheckoutClient, type CheckoutClient } from '@checkout/client';
import { eventMessage, startServiceUnderTest, type ServiceUnderTest } from '@checkout/test-kit';
import { academicDatabase, createAcademicService } from '../src';
import { roomyLimits } from './roomy-limits';

let academic: ServiceUnderTest<ServiceRuntime>;
let api: CheckoutClient;
const activationTokenKeys = parseKeyRing(
  `k-1:${Buffer.alloc(32, 3).toString('base64')}`,
  'token keys',
);

beforeAll(async () => {
  academic = await startServiceUnderTest(
    academicDatabase,
    (context) =>
      createAcademicService({
        ...context,
        activationTokenKeys,
        ...roomyLimits,
        activationLimits: { ...roomyLimits.activationLimits, perToken: 3 },
      }),
    [PortalAccessGranted.topic, AccessLinkIssued.topic],
  );
  api = createCheckoutClient({ baseUrl: `${academic.baseUrl}/api/v1` });
});
afterAll(() => academic.stop());

const approve = (email: string, courseId = 'typescript-fundamentals', language?: 'pt-BR' | 'en') =>
  eventMessage(CheckoutApproved, {
    ...(language && { language }),
    checkoutId: `c-${email}-${courseId}`,
    leadId: 'l-1',
    courseId,
    courseTitle: courseId,
    cardToken: 'tok_1',
    amountCents: 29700,
    currency: 'BRL',
    student: { name: 'Ana Souza', email },
  });

type Grant = {
  studentId: string;
  student: { email: string };
  courseTitle: string;
  sealedActivationToken?: string;
  language?: string;
};

const accessFor = async (email: string, courseId = 'typescript-fundamentals') =>
  (
    await academic.waitForPublished(
      PortalAccessGranted.topic,
      (d: Grant) => d.student.email === email && d.courseTitle === courseId,
    )
  ).data as Grant;

/** What notification does with the grant: opens the sealed token with the shared keys. */
const activationTokenOf = (grant: Grant) =>
  openToken(grant.sealedActivationToken ?? '', grant.studentId, activationTokenKeys);

/** Grants go out through the outbox in order: once a later one is out, any duplicate would be too. */
const grantsFor = async (email: string) => {
  const sentinel = `sentinel-${Date.now()}@example.com`;
  await academic.bus.publish(approve(sentinel));
  await accessFor(sentinel);
  return academic.published
    .filter((m) => m.topic === PortalAccessGranted.topic)
    .map((m) => m.data as Grant)
    .filter((grant) => grant.student.email === email);
};

describe('portal access', () => {
  it('enrols the student once and grants a one-time activation link, even when approval arrives twice', async () => {
    const approval = approve('twice@example.com');
    await academic.bus.publish(approval);
    await academic.bus.publish(approval);
    expect(await grantsFor('twice@example.com')).toHaveLength(1);
    const rows = await academic.orm.em.fork().execute('select token_hash from academic.activation');
    const grant = await accessFor('twice@example.com');
    const activationToken = activationTokenOf(grant);
    expect(activationToken).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(rows)).not.toContain(activationToken);
  });

  it('publishes the activation token only sealed, bound to the student', async () => {
    await academic.bus.publish(approve('sealed@example.com'));
    const grant = await accessFor('sealed@example.com');
    const activationToken = activationTokenOf(grant);
    expect(JSON.stringify(grant)).not.toContain(activationToken);
    expect(() =>
      openToken(grant.sealedActivationToken ?? '', 'another-student', activationTokenKeys),
    ).toThrow();
  });

  it('lets the student set a password once, sign in and see the enrolment', async () => {
    await academic.bus.publish(approve('ana@example.com'));
    const activation = {
      token: activationTokenOf(await accessFor('ana@example.com')),
      password: 'a long secret',
    };
    const activated = await api.POST('/access/activate', { body: activation });
    expect(activated.response.status).toBe(204);
    const reused = await api.POST('/access/activate', { body: activation });
    expect(reused.response.status).toBe(422);
    expect(reused.error).toMatchObject({ type: '/problems/unprocessable-request', status: 422 });
    expect(reused.error?.errors?.[0]?.field).toBe('token');

    const wrong = await api.POST('/sessions', {
      body: { email: 'ana@example.com', password: 'wrong password' },
    });
    expect(wrong.response.status).toBe(401);
    expect(wrong.error).toMatchObject({ type: '/problems/unauthorized', status: 401 });
    const session = await api.POST('/sessions', {
      body: { email: 'ana@example.com', password: 'a long secret' },
    });
    expect(session.response.status).toBe(201);
    const enrollments = await api.GET('/me/enrollments', {
      headers: { Authorization: `Bearer ${session.data?.accessToken}` },
    });
    expect(enrollments.data?.items).toEqual([
      { courseId: 'typescript-fundamentals', status: 'active', enrolledAt: expect.any(String) },
    ]);
  });

  it('refuses a token tried more often than its limit with 429 and Retry-After, other tokens still answered', async () => {
    const activate = (token: string) =>
      api.POST('/access/activate', { body: { token, password: 'a long secret' } });
    for (let attempt = 1; attempt <= 3; attempt++)
      expect((await activate('guessed-token')).response.status).toBe(422);
    const refused = await activate('guessed-token');
    expect(refused.response.status).toBe(429);
    expect(refused.error).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect((await activate('another-guess')).response.status).toBe(422);
  });

  it('sends no new activation link to a student who already has a password', async () => {
    await academic.bus.publish(approve('bia@example.com'));
    const token = activationTokenOf(await accessFor('bia@example.com'));
    const activation = { token, password: 'a long secret' };
    expect((await api.POST('/access/activate', { body: activation })).response.status).toBe(204);
    await academic.bus.publish(approve('bia@example.com', 'kubernetes-for-developers'));
    const second = await accessFor('bia@example.com', 'kubernetes-for-developers');
    expect(second).not.toHaveProperty('sealedActivationToken');
    expect(await grantsFor('bia@example.com')).toHaveLength(2);
  });

  it("grants access in the language of the student's latest checkout", async () => {
    await academic.bus.publish(approve('cris@example.com', 'typescript-fundamentals', 'en'));
    expect(await accessFor('cris@example.com')).toMatchObject({ language: 'en' });
    await academic.bus.publish(approve('cris@example.com', 'kubernetes-for-developers'));
    expect(await accessFor('cris@example.com', 'kubernetes-for-developers')).toMatchObject({
      language: 'en',
    });
    await academic.bus.publish(approve('cris@example.com', 'node-in-production', 'pt-BR'));
    expect(await accessFor('cris@example.com', 'node-in-production')).toMatchObject({
      language: 'pt-BR',
    });
  });

  it('refuses the enrolments without a valid access token', async () => {
    const unauthorized = { type: '/problems/unauthorized', title: 'Unauthorized', status: 401 };
    expect((await api.GET('/me/enrollments')).error).toEqual({
      ...unauthorized,
      detail: 'Send a valid access token as a Bearer token.',
    });
    const wrongToken = await api.GET('/me/enrollments', {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(wrongToken.response.status).toBe(401);
    expect(wrongToken.error).toMatchObject(unauthorized);
  });
});
