import { AccessLinkIssued, CheckoutApproved, PortalAccessGranted } from '@checkout/contracts';
import { openToken, parseKeyRing, type ServiceRuntime } from '@checkout/service-kit';
import { createCheckoutClient, type CheckoutClient } from '@checkout/client';
import {
  eventMessage,
  startServiceUnderTest,
  waitUntil,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import { academicDatabase, createAcademicService } from '../src';
import { roomyLimits } from './roomy-limits';

let academic: ServiceUnderTest<ServiceRuntime>;
let api: CheckoutClient;
const keys = parseKeyRing(`k-1:${Buffer.alloc(32, 5).toString('base64')}`, 'token keys');

beforeAll(async () => {
  academic = await startServiceUnderTest(
    academicDatabase,
    (context) =>
      createAcademicService({
        ...context,
        activationTokenKeys: keys,
        ...roomyLimits,
        accessRequestLimits: { ...roomyLimits.accessRequestLimits, perEmail: 3 },
      }),
    [PortalAccessGranted.topic, AccessLinkIssued.topic],
  );
  api = createCheckoutClient({ baseUrl: `${academic.baseUrl}/api/v1` });
});
afterAll(() => academic.stop());

type Sealed = { studentId: string; student: { email: string } };
type Link = Sealed & { purpose: string; sealedToken: string; language?: string };

/** Enrols a student and returns the token of the approval e-mail's activation link. */
async function enrol(email: string, language?: 'en') {
  await academic.bus.publish(
    eventMessage(CheckoutApproved, {
      checkoutId: `c-${email}`,
      leadId: 'l-1',
      courseId: 'typescript-fundamentals',
      courseTitle: 'TypeScript',
      cardToken: 'tok_1',
      amountCents: 29700,
      currency: 'BRL',
      student: { name: 'Ana Souza', email },
      ...(language && { language }),
    }),
  );
  const grant = (
    await academic.waitForPublished(
      PortalAccessGranted.topic,
      (d: Sealed) => d.student.email === email,
    )
  ).data as Sealed & { sealedActivationToken: string };
  return openToken(grant.sealedActivationToken, grant.studentId, keys);
}

/** Asks for a link and returns the one issued for it (published after the request). */
async function requestLink(email: string) {
  const before = academic.published.length;
  const answer = await api.POST('/access/requests', { body: { email } });
  expect(answer.response.status).toBe(202);
  const link = await waitUntil(`a link for ${email}`, () =>
    academic.published
      .slice(before)
      .map((m) => m.data as Link)
      .find((d) => d.student.email === email.toLowerCase()),
  );
  return { ...link, token: openToken(link.sealedToken, link.studentId, keys) };
}

const activate = async (token: string, password: string) =>
  (await api.POST('/access/activate', { body: { token, password } })).response.status;
const signIn = async (email: string, password: string) =>
  (await api.POST('/sessions', { body: { email, password } })).data?.accessToken;
const enrollmentsStatus = async (accessToken: string) =>
  (await api.GET('/me/enrollments', { headers: { Authorization: `Bearer ${accessToken}` } }))
    .response.status;

describe('access links', () => {
  it('answers a request for an unknown address like any other, and issues nothing', async () => {
    const answer = await api.POST('/access/requests', { body: { email: 'nobody@example.com' } });
    expect(answer.response.status).toBe(202);
    expect(await answer.response.text()).toBe('');
    // Links go out through the outbox in order: once a later one is out, this one would be too.
    await enrol('sentinel@example.com');
    await requestLink('sentinel@example.com');
    expect(
      academic.published.filter((m) => (m.data as Sealed).student.email === 'nobody@example.com'),
    ).toEqual([]);
  });

  it('sends a student with no password a new activation link, and the earlier one stops working', async () => {
    const approvalToken = await enrol('new@example.com', 'en');
    const link = await requestLink('NEW@example.com');
    expect(link).toMatchObject({ purpose: 'activation', language: 'en' });
    expect(await activate(approvalToken, 'a long secret')).toBe(422);
    expect(await activate(link.token, 'a long secret')).toBe(204);
    expect(await signIn('new@example.com', 'a long secret')).toBeDefined();
  });

  it('sends a student with a password a reset link that works once, and signs them out everywhere', async () => {
    await activate(await enrol('reset@example.com'), 'the old secret');
    const session = (await signIn('reset@example.com', 'the old secret')) as string;
    const first = await requestLink('reset@example.com');
    const second = await requestLink('reset@example.com');
    expect(second.purpose).toBe('password-reset');
    expect(await activate(first.token, 'a new secret')).toBe(422);
    expect(await activate(second.token, 'a new secret')).toBe(204);
    expect(await activate(second.token, 'another secret')).toBe(422);
    expect(await enrollmentsStatus(session)).toBe(401);
    expect(await signIn('reset@example.com', 'the old secret')).toBeUndefined();
    expect(await signIn('reset@example.com', 'a new secret')).toBeDefined();
  });

  it('limits requests per address, known or not, with Retry-After', async () => {
    for (const email of ['limited@example.com', 'unknown-limited@example.com']) {
      for (let request = 0; request < 3; request++) {
        const answer = await api.POST('/access/requests', { body: { email } });
        expect(answer.response.status).toBe(202);
      }
      const refused = await api.POST('/access/requests', { body: { email } });
      expect(refused.response.status).toBe(429);
      expect(Number(refused.response.headers.get('Retry-After'))).toBeGreaterThan(3500);
    }
  });
});

describe('signing out', () => {
  it('ends the session at once; the token then signs nothing', async () => {
    await activate(await enrol('out@example.com'), 'a long secret');
    const session = (await signIn('out@example.com', 'a long secret')) as string;
    const other = (await signIn('out@example.com', 'a long secret')) as string;
    const auth = { headers: { Authorization: `Bearer ${session}` } };
    expect((await api.DELETE('/sessions/current', auth)).response.status).toBe(204);
    expect(await enrollmentsStatus(session)).toBe(401);
    expect(await enrollmentsStatus(other)).toBe(200);
    const again = await api.DELETE('/sessions/current', auth);
    expect(again.response.status).toBe(401);
    expect(again.error).toMatchObject({ type: '/problems/unauthorized', status: 401 });
    expect((await api.DELETE('/sessions/current')).response.status).toBe(401);
  });
});
