import { setTimeout as sleep } from 'node:timers/promises';
import {
  buyCourse,
  registerTestLead,
  startTestPlatform,
  testCards,
  waitForOutcome,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * Two platforms on one database, as two replicas of every service: each reminder must still go
 * out once. Each platform sends to its own SMTP server, so e-mails are counted across both.
 */
/**
 * Long enough for a purchase to be approved and its lead converted first, on a loaded CI machine
 * too; longer under start:dapr, whose stop (six services and their sidecars) takes a few seconds.
 */
const delaySeconds = process.env.PLATFORM_MODE === 'dapr' ? 12 : 6;
/** Past the delay, a poll of the reminder loop (every delay/4 at most) and the e-mail's trip. */
const settleMs = (delaySeconds + 4) * 1000;
const publicUrl = 'https://cursos.example.com';
let first: TestPlatform;
let second: TestPlatform;

beforeAll(async () => {
  const env = { LEAD_REMINDER_DELAY_SECONDS: String(delaySeconds), PUBLIC_URL: publicUrl };
  first = await startTestPlatform(env);
  second = await startTestPlatform({ ...env, DATABASE_URL: first.databaseUrl });
}, 240_000);

afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

let sequence = 0;
const newEmail = (what: string) => `${what}-${Date.now()}-${sequence++}@example.com`;
/** The reminders (by their subject in either language) sent to `email` through both platforms. */
const remindersTo = (email: string) =>
  [...first.sink.emails, ...second.sink.emails].filter(
    (e) => e.to.includes(email) && /^(Sua vaga no curso|Your place in) /.test(e.subject),
  );

describe('a lead that does not finish buying', () => {
  it('gets exactly one reminder after the delay, in its language, linking to the course', async () => {
    const email = newEmail('reminded');
    const lead = await registerTestLead(first.api, email, 'en');
    expect(lead.response.status).toBe(201);

    const reminder = await waitUntil(
      'the reminder to reach either SMTP server',
      () => remindersTo(email)[0],
      settleMs + 10_000,
    );
    expect(reminder.subject).toBe('Your place in Fundamentos de TypeScript is still waiting');
    expect(reminder.text).toContain(`${publicUrl}/courses/typescript-fundamentals`);
    await sleep(settleMs);
    expect(remindersTo(email)).toHaveLength(1);
  }, 60_000);

  it('posted three times, to either platform, is one lead with one reminder', async () => {
    const email = newEmail('posted-thrice');
    const answers = [
      await registerTestLead(first.api, email),
      await registerTestLead(second.api, email.toUpperCase()),
      await registerTestLead(first.api, email),
    ];
    expect(answers.map((a) => a.response.status)).toEqual([201, 200, 200]);
    expect(new Set(answers.map((a) => a.data?.id)).size).toBe(1);
    const rows = await first.sql('select id from marketing.lead where email = $1', [email]);
    expect(rows).toHaveLength(1);

    await waitUntil('the reminder', () => remindersTo(email)[0], settleMs + 10_000);
    await sleep(settleMs);
    expect(remindersTo(email)).toHaveLength(1);
    // Written in the platform default: the lead named no language and its client sent none.
    expect(remindersTo(email)[0]?.text).toContain('Concluir a compra');
  }, 60_000);
});

describe('a lead whose checkout is approved before the delay', () => {
  it('gets no reminder', async () => {
    const journey = await buyCourse(first.api, { cardNumber: testCards.approved });
    expect(await waitForOutcome(first.api, journey.checkout.data!.id)).toMatchObject({
      status: 'approved',
    });
    // Marketing converts the lead when it hears of the approval, a moment after financial.
    const lead = await waitUntil('the lead to be converted', async () => {
      const [row] = await first.sql<{ converted_in_time: boolean | null }>(
        `select converted_at < created_at + make_interval(secs => $2) as converted_in_time
           from marketing.lead where id = $1`,
        [journey.lead.id, delaySeconds],
      );
      return row?.converted_in_time === null ? undefined : row;
    });
    // Otherwise the reminder was rightly due before the approval, and the test proves nothing.
    expect(lead).toEqual({ converted_in_time: true });

    await sleep(settleMs);
    expect(remindersTo(journey.studentEmail)).toEqual([]);
  }, 60_000);
});

describe('a reminder that falls due while the platform is stopped', () => {
  it('is sent once the platform starts again', async () => {
    await second.process.stop('SIGINT');
    const email = newEmail('while-stopped');
    const lead = await registerTestLead(first.api, email);
    expect(lead.response.status).toBe(201);
    expect(await first.process.stop('SIGINT')).toBe(0);
    const [row] = await first.sql<{ reminded: boolean }>(
      'select reminded_at is not null as reminded from marketing.lead where email = $1',
      [email],
    );
    // Stopped before it fell due: otherwise the test would prove nothing.
    expect(row).toEqual({ reminded: false });

    await sleep(delaySeconds * 1000 + 1000);
    expect(remindersTo(email)).toEqual([]);
    await first.startAgain();
    await waitUntil('the reminder after the restart', () => remindersTo(email)[0], 20_000);
    await second.startAgain();
    await sleep(settleMs);
    expect(remindersTo(email)).toHaveLength(1);
  }, 120_000);
});
