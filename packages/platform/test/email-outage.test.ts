import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCheckoutClient } from '@checkout/client';
import { freePort, startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import {
  buyCourse,
  createTestDatabase,
  expectSteadyFor,
  startPlatformProcess,
  testCards,
  waitUntil,
  type PlatformProcess,
} from '@checkout/test-kit';
import { Client } from 'pg';

/**
 * `npm start` with its SMTP server down: 20 approved checkouts, the platform killed with -9
 * mid-outage and started again on the same data, then the SMTP server back on the same port.
 * The retry schedule is the product's default (1 s doubling to 30 s): after a one-minute outage
 * every e-mail must arrive within a minute of the server's return, with no manual step.
 */
const outageMs = 60_000;
const publicUrl = 'https://cursos.example.com';

let databaseUrl: string;
let db: Client;
const platforms: PlatformProcess[] = [];
let sink: SmtpSink | undefined;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  db = new Client({ connectionString: databaseUrl });
  await db.connect();
});
afterAll(async () => {
  for (const platform of platforms) await platform.stop('SIGINT');
  await sink?.stop();
  await db.end();
});

const pendingCount = async () =>
  Number(
    (await db.query(`select count(*) from notification.email_delivery where status = 'pending'`))
      .rows[0].count,
  );

/** Every row of every table of every service schema, as text. */
async function everyRow(): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
     where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`,
  );
  const dumps = [];
  for (const { name } of tables.rows)
    dumps.push(await db.query(`select t::text as row from ${name} t`));
  return dumps.flatMap((dump) => dump.rows.map((r: { row: string }) => r.row)).join('\n');
}

it(
  'after an SMTP outage and a crash, every access e-mail and receipt arrives exactly once, and no activation token is kept in clear',
  async () => {
    const down = await startSmtpSink();
    await down.stop();
    const env = {
      PORT: String(await freePort()),
      DATABASE_URL: databaseUrl,
      SMTP_URL: down.url,
      PUBLIC_URL: publicUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'checkout-email-outage-')),
    };
    platforms.push(await startPlatformProcess(env));
    const outageStartedAt = Date.now();
    const api = createCheckoutClient({ baseUrl: `${platforms[0]!.baseUrl}/api/v1` });
    const students: string[] = [];
    const payers: string[] = [];
    for (let i = 0; i < 20; i++) {
      const journey = await buyCourse(api, { cardNumber: testCards.approved });
      students.push(journey.studentEmail);
      payers.push(journey.payerEmail);
    }
    // Each approval: the student's access e-mail and the payer's receipt.
    await waitUntil('40 pending e-mails', async () =>
      (await pendingCount()) === 40 ? true : undefined,
    );

    expect(await platforms[0]!.stop('SIGKILL')).toBeNull();
    platforms.push(await startPlatformProcess(env));
    await expectSteadyFor(
      'the 40 e-mails to stay pending for the rest of the outage',
      async () => (await pendingCount()) === 40,
      outageStartedAt + outageMs - Date.now(),
    );

    sink = await startSmtpSink(down.port);
    const returnedAt = Date.now();
    await waitUntil(
      '40 e-mails within a minute of the SMTP server coming back',
      () => (sink!.emails.length >= 40 ? true : undefined),
      60_000,
    ).catch(async (error: unknown) => {
      const rows = await db.query(
        'select status, attempts, next_attempt_at, last_error from notification.email_delivery',
      );
      throw new Error(`${String(error)}
${JSON.stringify(rows.rows)}
${platforms[1]!.output()}`);
    });
    const recoveryMs = Date.now() - returnedAt;
    await waitUntil('an empty queue', async () =>
      (await pendingCount()) === 0 ? true : undefined,
    );
    await expectSteadyFor('no e-mail sent twice', () => sink!.emails.length === 40, 2000);

    const received = sink.emails.map((email) => email.to.join());
    const duplicated = received.length - new Set(received).size;
    const lost = [...students, ...payers].filter((to) => !received.includes(to)).length;
    console.info(
      `SMTP down ${outageMs} ms with a kill -9: ${received.length} sent, recovered in ${recoveryMs} ms, duplicated ${duplicated}, lost ${lost}`,
    );
    expect({ duplicated, lost, sent: received.length }).toEqual({
      duplicated: 0,
      lost: 0,
      sent: 40,
    });

    const tokens = sink.emails
      .filter((email) => students.some((student) => email.to.includes(student)))
      .map(
        (email) =>
          new RegExp(`${publicUrl}/activate\\?token=([\\w-]+)`).exec(email.text)?.[1] ?? '',
      );
    expect(tokens.every((token) => token.length >= 43)).toBe(true);
    const rows = await everyRow();
    const logs = platforms.map((platform) => platform.output()).join('\n');
    expect(rows).toContain(students[0]); // the scan did read the tables
    expect(tokens.filter((token) => rows.includes(token) || logs.includes(token))).toEqual([]);
  },
  240_000 + outageMs,
);
