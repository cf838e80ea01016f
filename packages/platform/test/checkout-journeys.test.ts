import {
  buyCourse,
  postCheckout,
  sendRaw,
  startTestPlatform,
  testCards,
  waitForOutcome,
  waitUntil,
  type ProblemAnswer,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * The platform as a user runs it (`npm start` in its own process), driven only through the public
 * API, with e-mails read from a real SMTP server.
 */
let platform: TestPlatform;
const publicUrl = 'https://cursos.example.com';

beforeAll(async () => {
  platform = await startTestPlatform({ PUBLIC_URL: publicUrl });
}, 180_000);

afterAll(() => platform?.stop());

describe('buying a course', () => {
  it('when the card is approved, the student gets an access e-mail with a one-time activation link', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    expect(journey.checkout.response.status).toBe(202);
    expect(journey.checkout.data).toMatchObject({
      status: 'processing',
      amountCents: 29700,
      currency: 'BRL',
    });
    expect(await waitForOutcome(platform.api, journey.checkout.data!.id)).toMatchObject({
      status: 'approved',
    });

    const email = await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail));
    expect(email.text).toContain(journey.studentEmail);
    const token = new RegExp(`${publicUrl}/activate\\?token=([\\w-]+)`).exec(email.text)?.[1];
    expect(token).toBeDefined();

    const activation = { token: token!, password: 'uma senha longa' };
    expect(
      (await platform.api.POST('/access/activate', { body: activation })).response.status,
    ).toBe(204);
    const session = await platform.api.POST('/sessions', {
      body: { email: journey.studentEmail, password: 'uma senha longa' },
    });
    const enrollments = await platform.api.GET('/me/enrollments', {
      headers: { Authorization: `Bearer ${session.data?.accessToken}` },
    });
    expect(enrollments.data?.items).toEqual([
      { courseId: 'typescript-fundamentals', status: 'active', enrolledAt: expect.any(String) },
    ]);
  });

  it.each([
    [testCards.declined, 'card_declined', 'o banco emissor recusou o cartão'],
    [testCards.insufficientFunds, 'insufficient_funds', 'não tem saldo ou limite suficiente'],
  ])(
    'when card %s is declined, the payer is told why by e-mail',
    async (cardNumber, reason, words) => {
      const journey = await buyCourse(platform.api, { cardNumber });
      expect(await waitForOutcome(platform.api, journey.checkout.data!.id)).toEqual(
        expect.objectContaining({ status: 'declined', declineReason: reason }),
      );
      const email = await platform.sink.waitFor((e) => e.to.includes(journey.payerEmail));
      expect(email.text).toContain(words);
      expect(platform.sink.emails.some((e) => e.to.includes(journey.studentEmail))).toBe(false);
    },
  );

  it('when the gateway fails once, the charge is retried and approved', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.transient });
    expect(await waitForOutcome(platform.api, journey.checkout.data!.id)).toMatchObject({
      status: 'approved',
    });
    await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail));
  });

  it('replaying a checkout with the same Idempotency-Key creates nothing new and sends one e-mail', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    const replay = await postCheckout(platform.api, journey.request, journey.idempotencyKey);
    expect(replay.response.status).toBe(journey.checkout.response.status);
    expect(replay.data).toEqual(journey.checkout.data);
    await waitForOutcome(platform.api, journey.checkout.data!.id);
    await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail));
    // A later journey's e-mail proves the pipeline has drained past any duplicate.
    const later = await buyCourse(platform.api, { cardNumber: testCards.approved });
    await platform.sink.waitFor((e) => e.to.includes(later.studentEmail));
    expect(platform.sink.emails.filter((e) => e.to.includes(journey.studentEmail))).toHaveLength(1);
    const rows = await platform.sql(
      `select count(*)::int as n from financial.checkout where lead_id = $1`,
      [journey.lead.id],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });
});

describe('bad input', () => {
  const posts = [
    '/api/v1/leads',
    '/api/v1/cards',
    '/api/v1/checkouts',
    '/api/v1/access/activate',
    '/api/v1/sessions',
  ];
  const headers = { 'Idempotency-Key': 'bad-input' };
  /** Bad input goes raw: the typed client exists to forbid it. */
  const post = (path: string, body: unknown) =>
    sendRaw(`${platform.baseUrl}${path}`, { body, headers });

  const expectProblem = ({ response, error }: ProblemAnswer, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(error)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  };

  it.each(posts)('POST %s answers malformed JSON with 400', async (path) => {
    expectProblem(await post(path, '{"name": "Ana",'), 400);
  });

  it.each(posts)('POST %s answers a body over 100 KB with 413', async (path) => {
    expectProblem(await post(path, { name: 'x'.repeat(101 * 1024) }), 413);
  });

  it.each(posts)('POST %s names the missing and the unknown fields with 400', async (path) => {
    const response = await post(path, { surprise: true });
    expectProblem(response, 400);
    const fields = (response.error?.errors ?? []).map((e) => e.field);
    expect(fields).toContain('surprise');
    expect(fields.length).toBeGreaterThan(1);
  });

  it.each(posts)('POST %s refuses a body that is not an object', async (path) => {
    for (const body of ['[]', 'null', '"text"', '42']) expectProblem(await post(path, body), 400);
  });

  it('names a field of the wrong type deep inside the checkout', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    const request = {
      ...journey.request,
      payer: {
        ...journey.request.payer,
        address: { ...journey.request.payer.address, state: 'XX' },
      },
    };
    const response = await sendRaw(`${platform.baseUrl}/api/v1/checkouts`, {
      body: request,
      headers: { 'Idempotency-Key': `${journey.idempotencyKey}-2` },
    });
    expectProblem(response, 400);
    expect(response.error?.errors).toContainEqual(
      expect.objectContaining({ field: 'payer.address.state' }),
    );
  });

  it('answers unknown routes and checkouts with 404 problems', async () => {
    expectProblem(await sendRaw(`${platform.baseUrl}/api/v1/nothing-here`), 404);
    expectProblem(
      await platform.api.GET('/checkouts/{id}', { params: { path: { id: '\u2713 weird' } } }),
      404,
    );
  });
});

describe('card data', () => {
  it('never appears in a log line or in any table', async () => {
    const cards = Object.values(testCards);
    for (const cardNumber of cards) {
      const journey = await buyCourse(platform.api, { cardNumber });
      await waitForOutcome(platform.api, journey.checkout.data!.id);
    }
    for (const number of cards) {
      expect(platform.process.output()).not.toContain(number);
      expect(platform.process.output()).not.toContain(number.replace(/(\d{4})/g, '$1 ').trim());
    }
    const tables = await platform.sql<{ schema: string; table: string }>(
      `select table_schema as schema, table_name as table from information_schema.tables
       where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { schema, table } of tables) {
      const dump = JSON.stringify(
        await platform.sql(`select t::text from "${schema}"."${table}" t`),
      );
      for (const number of cards)
        expect({ table: `${schema}.${table}`, found: dump.includes(number) }).toEqual({
          table: `${schema}.${table}`,
          found: false,
        });
    }
  });
});

/**
 * The names under which each service's inbox has recorded the events it handled, as they are in
 * every deployed database (the event each consumer handles in brackets). The services keep them as
 * constants beside their subscriptions. If this test fails, a name changed: under a new name every
 * event delivered again (a redelivery, a replayed dead letter) is handled a second time. Put the
 * old name back rather than editing this table.
 */
const knownInboxConsumers = {
  academic: ['academic.enroll-student'], // checkout.approved
  // None: what its events do (erase a card, drop its CVC) is idempotent, so it keeps no inbox.
  card_vault: [],
  financial: ['financial.record-charge-attempt'], // charge.attempted
  // None: what its event does (make a lead a client) is idempotent, so it keeps no inbox.
  marketing: [],
  notification: [
    'notification.access-granted', // portal-access.granted
    'notification.checkout-declined', // checkout.declined
    'notification.checkout-receipt', // checkout.approved
  ],
  payment: ['payment.charge-card'], // charge.requested
};

describe('inbox consumer names', () => {
  const recordedConsumers = async () => {
    const found: Record<string, string[]> = {};
    for (const schema of Object.keys(knownInboxConsumers)) {
      const rows = await platform.sql<{ consumer: string }>(
        `select distinct consumer from "${schema}".inbox_entry order by consumer`,
      );
      found[schema] = rows.map((row) => row.consumer);
    }
    return found;
  };

  it('stay those every deployed database already holds', async () => {
    const approved = await buyCourse(platform.api, { cardNumber: testCards.approved });
    const declined = await buyCourse(platform.api, { cardNumber: testCards.declined });
    await waitForOutcome(platform.api, approved.checkout.data!.id);
    await waitForOutcome(platform.api, declined.checkout.data!.id);
    // Every subscription has handled an event once each schema holds as many names as the table.
    const found = await waitUntil(
      'an inbox entry from every subscription',
      async () => {
        const now = await recordedConsumers();
        const complete = Object.entries(knownInboxConsumers).every(
          ([schema, names]) => (now[schema]?.length ?? 0) >= names.length,
        );
        return complete ? now : undefined;
      },
      10_000,
    ).catch(() => recordedConsumers()); // a name missing still ends in the diff below, naming it
    expect(found).toEqual(knownInboxConsumers);
  });
});
