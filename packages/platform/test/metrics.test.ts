import { freePort } from '@checkout/local-infra';
import {
  buyCourse,
  logLines,
  registerTestLead,
  startTestPlatform,
  testCards,
  waitForOutcome,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * The platform scraped as Prometheus would: under `npm start` (a primary and two workers) the
 * primary sums the workers' series on a port of its own; under start:dapr (PLATFORM_MODE=dapr)
 * each service serves its own, as each pod does. Leads are reminded after a few seconds, so a
 * reminder goes out while the suite runs.
 */
const daprMode = process.env.PLATFORM_MODE === 'dapr';
const reminderDelaySeconds = 8;
let platform: TestPlatform;
let metricsUrl: string;

beforeAll(async () => {
  const metricsPort = await freePort();
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  platform = await startTestPlatform({
    METRICS_PORT: String(metricsPort),
    LEAD_REMINDER_DELAY_SECONDS: String(reminderDelaySeconds),
  });
}, 180_000);

afterAll(() => platform?.stop());

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Where Prometheus scrapes: the primary, or each service at the port its "is up" line names. */
function scrapeTargets(): string[] {
  if (!daprMode) return [metricsUrl];
  const targets = logLines(platform.process.output())
    .filter((line) => String(line.msg).endsWith(' is up') && typeof line.metricsPort === 'number')
    .map((line) => `http://127.0.0.1:${line.metricsPort as number}/metrics`);
  expect(targets).toHaveLength(6);
  return targets;
}

/** The samples of Prometheus's text format (label values here hold no quotes or commas). */
async function scrape(): Promise<Sample[]> {
  const pages = await Promise.all(
    scrapeTargets().map(async (target) => {
      const response = await fetch(target);
      expect(response.status).toBe(200);
      return response.text();
    }),
  );
  return pages
    .join('\n')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [, name, labelText = '', value] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const labels = Object.fromEntries(
        [...labelText.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, text]) => [key, text]),
      );
      return { name: name!, labels, value: Number(value) };
    });
}

/** The value of the one sample named `name` whose labels include `labels`; 0 when there is none. */
const valueOf = (samples: Sample[], name: string, labels: Record<string, string>) => {
  const found = samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, text]) => sample.labels[key] === text),
  );
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} is not one series`);
  return found[0]?.value ?? 0;
};

describe('metrics', () => {
  it('after one approved and one declined purchase, the scrape counts each fact once over both workers', async () => {
    const approved = await buyCourse(platform.api, { cardNumber: testCards.approved });
    const declined = await buyCourse(platform.api, { cardNumber: testCards.declined });
    for (const journey of [approved, declined])
      await waitForOutcome(platform.api, journey.checkout.data!.id);
    await platform.sink.waitFor((e) => e.to.includes(approved.studentEmail));
    await platform.sink.waitFor((e) => e.to.includes(approved.payerEmail));
    await platform.sink.waitFor((e) => e.to.includes(declined.payerEmail));

    const emailsSent = (samples: Sample[], template: string) =>
      valueOf(samples, 'checkout_emails_sent_total', { service: 'notification', template });
    // An e-mail is counted once marked sent, just after the SMTP server took it.
    const samples = await waitUntil('the three e-mails to be counted as sent', async () => {
      const now = await scrape();
      const templates = ['access-granted', 'checkout-receipt', 'checkout-declined'];
      return templates.every((template) => emailsSent(now, template) === 1) ? now : undefined;
    });

    expect(
      valueOf(samples, 'http_server_request_duration_seconds_count', {
        service: 'financial',
        method: 'POST',
        route: '/api/v1/checkouts',
        status: '202',
      }),
    ).toBe(2);
    expect(
      valueOf(samples, 'checkout_checkouts_decided_total', {
        service: 'financial',
        outcome: 'approved',
      }),
    ).toBe(1);
    expect(
      valueOf(samples, 'checkout_checkouts_decided_total', {
        service: 'financial',
        outcome: 'declined',
        decline_reason: 'card_declined',
      }),
    ).toBe(1);
    for (const outcome of ['approved', 'declined'])
      expect(
        valueOf(samples, 'checkout_decision_seconds_count', { service: 'financial', outcome }),
      ).toBe(1);
    for (const template of ['access-granted', 'checkout-receipt', 'checkout-declined'])
      expect(
        valueOf(samples, 'checkout_email_delivery_seconds_count', {
          service: 'notification',
          template,
        }),
      ).toBe(1);
    expect(valueOf(samples, 'checkout_leads_registered_total', { service: 'marketing' })).toBe(2);
    expect(valueOf(samples, 'checkout_emails_failed_total', { service: 'notification' })).toBe(0);
  });

  it('counts each lead reminder once, as many as the reminder e-mails that went out', async () => {
    const email = `metrics-reminded-${Date.now()}@example.com`;
    expect((await registerTestLead(platform.api, email)).response.status).toBe(201);
    await platform.sink.waitFor((e) => e.to.includes(email), (reminderDelaySeconds + 20) * 1000);

    // Other leads of the suite may be reminded too: the sink's reminders are the ground truth.
    const remindersReceived = () =>
      platform.sink.emails.filter((e) => e.subject.includes('ainda está esperando')).length;
    const counted = (samples: Sample[]) => [
      valueOf(samples, 'checkout_lead_reminders_total', { service: 'marketing' }),
      valueOf(samples, 'checkout_emails_sent_total', {
        service: 'notification',
        template: 'lead-reminder',
      }),
      valueOf(samples, 'checkout_email_delivery_seconds_count', {
        service: 'notification',
        template: 'lead-reminder',
      }),
    ];
    const agreed = await waitUntil('the reminders to be counted as sent', async () => {
      const received = remindersReceived();
      const now = counted(await scrape());
      return now.every((value) => value === received) ? received : undefined;
    });
    expect(agreed).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('names each request by its route template, never its path', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    await waitForOutcome(platform.api, journey.checkout.data!.id);
    await fetch(`${platform.baseUrl}/api/v1/no-such-thing/${journey.checkout.data!.id}`);

    const routes = new Set(
      (await scrape())
        .filter((sample) => sample.name === 'http_server_request_duration_seconds_count')
        .map((sample) => sample.labels.route),
    );
    expect(routes).toContain('/api/v1/checkouts/:id');
    // Under start:dapr the edge answers a path no service owns, so no service sees it.
    if (!daprMode) expect(routes).toContain('unmatched');
    expect([...routes].filter((route) => route?.includes(journey.checkout.data!.id))).toEqual([]);
  });

  it('reads the outbox, the dead letters and the database pool of every service when scraped', async () => {
    const samples = await scrape();
    for (const service of [
      'marketing',
      'financial',
      'payment',
      'card-vault',
      'academic',
      'notification',
    ]) {
      const of = (name: string) =>
        samples.find((sample) => sample.name === name && sample.labels.service === service);
      expect(of('checkout_outbox_backlog_events')).toBeDefined();
      expect(of('checkout_outbox_oldest_event_age_seconds')).toBeDefined();
      expect(of('checkout_db_pool_connections_in_use')).toBeDefined();
      expect(of('checkout_dead_letters')?.value).toBe(0);
    }
    expect(valueOf(samples, 'checkout_email_retries_pending', { service: 'notification' })).toBe(0);
    const overdue = { service: 'financial' };
    expect(samples.find((s) => s.name === 'checkout_checkouts_processing_overdue')).toBeDefined();
    expect(valueOf(samples, 'checkout_checkouts_processing_overdue', overdue)).toBe(0);
  });

  it('is not served on the public port', async () => {
    expect((await fetch(`${platform.baseUrl}/metrics`)).status).toBe(404);
  });
});
