import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import {
  apiClient,
  buyCourse,
  createTestDatabase,
  startPlatformProcess,
  testCards,
  waitForOutcome,
  waitUntil,
  type PlatformProcess,
} from '@checkout/test-kit';
import { Client } from 'pg';

/**
 * The names under which each service's inbox has recorded the events it handled, as they are in
 * every deployed database (the event each consumer handles in brackets). The services keep them as
 * constants beside their subscriptions. If this test fails, a name changed: under a new name every
 * event delivered again (a redelivery, a replayed dead letter) is handled a second time. Put the
 * old name back rather than editing this table.
 */
const knownConsumers = {
  academic: ['academic.enroll-student'], // checkout.approved
  card_vault: [
    'card-vault.drop-cvc-once-answered', // charge.attempted
    'card-vault.erase-card-on-final-charge', // checkout.approved, checkout.declined
  ],
  financial: ['financial.record-charge-attempt'], // charge.attempted
  marketing: ['marketing.convert-lead'], // checkout.approved
  notification: [
    'notification.access-granted', // portal-access.granted
    'notification.checkout-declined', // checkout.declined
  ],
  payment: ['payment.charge-card'], // charge.requested
};
type Schema = keyof typeof knownConsumers;

let sink: SmtpSink;
let platform: PlatformProcess;
let database: Client;

beforeAll(async () => {
  sink = await startSmtpSink();
  const databaseUrl = await createTestDatabase();
  database = new Client({ connectionString: databaseUrl });
  await database.connect();
  platform = await startPlatformProcess({
    PORT: String(await freePort()),
    DATABASE_URL: databaseUrl,
    SMTP_URL: sink.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'checkout-inbox-')),
  });
}, 180_000);

afterAll(async () => {
  await platform?.stop('SIGINT');
  await database?.end();
  await sink?.stop();
});

const consumersIn = async (schema: Schema) =>
  (
    await database.query<{ consumer: string }>(
      `select distinct consumer from "${schema}".inbox_entry order by consumer`,
    )
  ).rows.map((row) => row.consumer);

const allConsumers = async () => {
  const found = {} as Record<Schema, string[]>;
  for (const schema of Object.keys(knownConsumers) as Schema[])
    found[schema] = await consumersIn(schema);
  return found;
};

it('records handled events under the inbox names every deployed database already holds', async () => {
  const api = apiClient(platform.baseUrl);
  const approved = await buyCourse(api, { cardNumber: testCards.approved });
  const declined = await buyCourse(api, { cardNumber: testCards.declined });
  await waitForOutcome(api, approved.checkout.body.id);
  await waitForOutcome(api, declined.checkout.body.id);
  await sink.waitFor((e) => e.to.includes(approved.studentEmail));
  await sink.waitFor((e) => e.to.includes(declined.payerEmail));

  // Every subscription has handled an event once each schema has as many names as the table.
  const found = await waitUntil(
    'an inbox entry from every subscription',
    async () => {
      const now = await allConsumers();
      const complete = Object.entries(knownConsumers).every(
        ([schema, names]) => now[schema as Schema].length >= names.length,
      );
      return complete ? now : undefined;
    },
    10_000,
  ).catch(() => allConsumers()); // a name missing still ends in the diff below, which names it
  expect(found).toEqual(knownConsumers);
});
