import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ChargeRequested, CheckoutApproved } from '@checkout/contracts';
import { Client } from 'pg';
import {
  buyCourse,
  logLines,
  repoRoot,
  startTestPlatform,
  testCards,
  tokenizeTestCard,
  waitForOutcome,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';

/** Proofs that only mean something with real sidecars, a real broker and a real state store. */
const daprApiToken = randomUUID();
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ DAPR_API_TOKEN: daprApiToken });
}, 180_000);

afterAll(() => platform?.stop());

/** The HTTP port of a service's sidecar, from what start:dapr wrote. */
function sidecarPort(service: string): number | undefined {
  const ports = JSON.parse(
    readFileSync(join(platform.dataDir, 'dapr/ports.json'), 'utf8'),
  ) as Record<string, { httpPort: number }>;
  return ports[service]?.httpPort;
}

/** Publishes straight through a sidecar, as a misbehaving or duplicating publisher would. */
async function publishThroughSidecar(
  topic: string,
  id: string,
  type: string,
  data: unknown,
): Promise<number> {
  const response = await fetch(
    `http://127.0.0.1:${sidecarPort('financial')}/v1.0/publish/pubsub/${topic}` +
      `?metadata.cloudevent.id=${id}&metadata.cloudevent.type=${type}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'dapr-api-token': daprApiToken },
      body: JSON.stringify(data),
    },
  );
  return response.status;
}

/**
 * Asynchronous, so that the event loop runs meanwhile: a stop_app takes over 5 s with the
 * management plugin, and a blocked loop would keep the client from retiring kept-alive
 * connections the edge closes after 5 s idle, then send the next request into one of them.
 */
const rabbitmqctl = async (...args: string[]) =>
  (await promisify(execFile)('rabbitmqctl', ['-q', ...args], { encoding: 'utf8' })).stdout;

describe('start:dapr, once up', () => {
  it('announces its addresses, RabbitMQ management UI included, and each answers', async () => {
    const up = await waitUntil('start:dapr to say it is up', () =>
      logLines(platform.process.output()).find((line) =>
        String(line.msg).startsWith('checkout platform is up'),
      ),
    );
    expect(up).toMatchObject({ rabbitmqManagement: 'http://localhost:15672/' });
    const management = await fetch(`${up.rabbitmqManagement as string}api/overview`, {
      headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
    });
    expect(management.status).toBe(200);
    // The edge sends the document to financial, which serves the copy its bundle carries.
    const document = await fetch(up.openApi as string);
    expect(document.status).toBe(200);
    expect(await document.text()).toMatch(/^openapi: 3\.1\.0/);
  });
});

describe('the card vault', () => {
  it('keeps sealed cards in the Dapr state store under a hash of the token with a TTL, and erases them when the charge is final', async () => {
    const client = new Client({ connectionString: platform.databaseUrl });
    await client.connect();
    const stateOf = async (token: string) =>
      (
        await client.query<{ value: Buffer; expires_at: Date | null }>(
          'select value, expires_at from card_vault_state where key = $1',
          [`card-vault||${createHash('sha256').update(token).digest('hex')}`],
        )
      ).rows;
    try {
      const journey = await buyCourse(platform.api, { cardNumber: testCards.declined });
      const [stored] = await stateOf(journey.card.token);
      expect(stored?.expires_at).toBeInstanceOf(Date);
      expect(stored?.value.toString()).not.toContain(testCards.declined);
      const keysWithToken = await client.query('select 1 from card_vault_state where key like $1', [
        `%${journey.card.token}%`,
      ]);
      expect(keysWithToken.rows).toEqual([]);
      await waitForOutcome(platform.api, journey.checkout.data!.id);
      await waitUntil('the card to be erased', async () =>
        (await stateOf(journey.card.token)).length === 0 ? true : undefined,
      );
    } finally {
      await client.end();
    }
  });
});

describe('access control between the services', () => {
  const reveal = (sidecar: 'financial' | 'payment', token: string) =>
    fetch(
      `http://127.0.0.1:${sidecarPort(sidecar)}/v1.0/invoke/card-vault/method/internal/cards/reveal`,
      {
        method: 'POST',
        headers: { 'dapr-api-token': daprApiToken, 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      },
    );

  it('lets payment, and no other service, read a card from the vault', async () => {
    const card = await tokenizeTestCard(platform.api, testCards.approved);
    const refused = await reveal('financial', card.data!.token);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(testCards.approved);
    const allowed = await reveal('payment', card.data!.token);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ number: testCards.approved });
  });
});

describe('secret scopes', () => {
  it("deny an app a secret it does not use, such as the broker URL or another service's key", async () => {
    const secret = (name: string) =>
      fetch(`http://127.0.0.1:${sidecarPort('marketing')}/v1.0/secrets/secretstore/${name}`, {
        headers: { 'dapr-api-token': daprApiToken },
      });
    expect((await secret('database-url')).status).toBe(200);
    const refused = await secret('rabbitmq-url');
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('amqp://');
    expect((await secret('card-encryption-keys')).status).toBe(403);
  });
});

describe('on RabbitMQ', () => {
  it('keeps every subscription queue durable and alive without consumers', async () => {
    const queues = JSON.parse(
      await rabbitmqctl('list_queues', 'name', 'durable', 'auto_delete', '--formatter', 'json'),
    ) as {
      name: string;
      durable: boolean;
      auto_delete: boolean;
    }[];
    const ours = queues.filter((q) =>
      /^(marketing|financial|payment|card-vault|academic|notification)-/.test(q.name),
    );
    expect(ours.map((q) => q.name)).toEqual(
      expect.arrayContaining([
        'payment-charge.requested',
        'financial-charge.attempted',
        'academic-checkout.approved',
        'notification-portal-access.granted',
        'notification-checkout.declined',
        'card-vault-checkout.declined',
        'financial-financial.dead-letter',
      ]),
    );
    for (const queue of ours) expect(queue).toMatchObject({ durable: true, auto_delete: false });
  });

  it('has one effect for an event delivered twice', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail));
    const approval = {
      checkoutId: journey.checkout.data!.id,
      leadId: journey.lead.id,
      courseId: 'kubernetes-for-developers',
      courseTitle: 'Kubernetes para desenvolvedores',
      cardToken: 'tok_already_erased',
      amountCents: 49700,
      currency: 'BRL',
      student: { name: 'Ana Souza', email: journey.studentEmail },
    };
    const id = randomUUID();
    for (let copy = 0; copy < 2; copy++) {
      const type = `${CheckoutApproved.topic}.v1`;
      expect(await publishThroughSidecar(CheckoutApproved.topic, id, type, approval)).toBe(204);
    }
    await platform.sink.waitFor(
      (e) => e.to.includes(journey.studentEmail) && e.subject.includes('Kubernetes'),
    );
    // A later journey's e-mail proves the pipeline drained past any second copy.
    const later = await buyCourse(platform.api, { cardNumber: testCards.approved });
    await platform.sink.waitFor((e) => e.to.includes(later.studentEmail));
    const kubernetesEmails = platform.sink.emails.filter(
      (e) => e.to.includes(journey.studentEmail) && e.subject.includes('Kubernetes'),
    );
    expect(kubernetesEmails).toHaveLength(1);
  });

  // Surprise pinned here (dapr/components-contrib#4540, open): after a broker restart the
  // rabbitmq component of daprd 1.18 leaks consumers, and a message delivered to a leaked one
  // stays unacknowledged until that sidecar's connection closes. Nothing is lost: once the
  // sidecars reconnect afresh (here, a restart of the platform), the checkout completes.
  it('loses nothing when RabbitMQ restarts in the middle of a checkout', async () => {
    await rabbitmqctl('stop_app');
    let journey: Awaited<ReturnType<typeof buyCourse>>;
    try {
      journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
      expect(journey.checkout.response.status).toBe(202);
    } finally {
      await rabbitmqctl('start_app');
    }
    // The checkout's event reaches the broker once it is back (the outbox empties); only then is
    // the platform restarted, so the restart is what delivers it, not what publishes it.
    await waitUntil(
      "financial's outbox to publish to the restarted broker",
      async () => {
        const [row] = await platform.sql<{ n: number }>(
          'select count(*)::int as n from financial.outbox_event',
        );
        return row?.n === 0 || undefined;
      },
      60_000,
      250,
    );
    expect(await platform.process.stop('SIGINT')).toBe(0);
    await platform.startAgain();
    expect(await waitForOutcome(platform.api, journey.checkout.data!.id, 60_000)).toMatchObject({
      status: 'approved',
    });
    await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail), 60_000);
  }, 240_000);
});

describe('a message no consumer can handle', () => {
  it('lands in the dead-letter store of the service that refused it, and can be replayed', async () => {
    const id = randomUUID();
    const malformed = { checkoutId: 42, attempt: 'first' };
    expect(
      await publishThroughSidecar(
        ChargeRequested.topic,
        id,
        `${ChargeRequested.topic}.v1`,
        malformed,
      ),
    ).toBe(204);
    const client = new Client({ connectionString: platform.databaseUrl });
    await client.connect();
    try {
      const deadLetter = (after = new Date(0)) =>
        waitUntil('the dead letter', async () => {
          const { rows } = await client.query(
            'select topic, version, data, received_at from payment.dead_letter where event_id = $1 and received_at > $2',
            [id, after],
          );
          return rows[0] as
            { topic: string; version: number; data: unknown; received_at: Date } | undefined;
        });
      const stored = await deadLetter();
      expect(stored).toMatchObject({ topic: ChargeRequested.topic, version: 1, data: malformed });

      // Replayed, it goes out again under its own id; still malformed, it is refused and stored again.
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'packages/platform/src/replay-dead-letters.ts', 'payment', id],
        {
          cwd: repoRoot,
          env: { ...process.env, DATABASE_URL: platform.databaseUrl },
        },
      );
      expect(await deadLetter(stored.received_at)).toMatchObject({
        topic: ChargeRequested.topic,
        data: malformed,
      });
    } finally {
      await client.end();
    }
  });
});
