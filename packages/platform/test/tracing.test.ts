import {
  buyCourse,
  logLines,
  personalDataIn,
  startOtlpReceiver,
  startTestPlatform,
  testCards,
  waitForOutcome,
  waitUntil,
  type OtlpReceiver,
  type ReceivedSpan,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * One purchase, one trace: the platform exports OTLP to a collector of the test's own, and the
 * trace of POST /checkouts reaches every service the purchase passes through (over events, whose
 * outbox rows keep the trace) and ends with the e-mails handed to the SMTP server. Runs against
 * `npm start` and, with PLATFORM_MODE=dapr, against start:dapr.
 */
const tracedEnv = (receiver: OtlpReceiver) => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
  OTEL_BSP_SCHEDULE_DELAY: '200',
});

/**
 * In Dapr mode the sidecars trace too, to the same collector, in protobuf; the apps export JSON
 * when no protocol is named (service-kit's startTracing).
 */
const daprMode = process.env.PLATFORM_MODE === 'dapr';
const bySidecar = (span: ReceivedSpan) => span.encoding === 'protobuf';

/** The services an approved purchase passes through, by the events each consumes. */
const servicesOfAPurchase = [
  'academic',
  'card-vault',
  'financial',
  'marketing',
  'notification',
  'payment',
];

/** The service that recorded a span: its own attribute in npm start, its process in Dapr mode. */
const serviceOf = (span: ReceivedSpan) => {
  const named = span.attributes['checkout.service'];
  return typeof named === 'string' ? named : span.serviceName;
};

const isCheckoutPost = (span: ReceivedSpan) =>
  span.name === 'POST /api/v1/checkouts' && span.attributes['http.route'] === '/api/v1/checkouts';

/** Spans whose parent is not in the trace (the root, or one whose parent was lost). */
const rootsOf = (spans: ReceivedSpan[]) => {
  const ids = new Set(spans.map((span) => span.spanId));
  return spans.filter((span) => !span.parentSpanId || !ids.has(span.parentSpanId));
};

describe('with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  let receiver: OtlpReceiver;
  let platform: TestPlatform;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    platform = await startTestPlatform(tracedEnv(receiver));
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await receiver?.stop();
  });

  it('an approved purchase is one trace from POST /checkouts to the e-mails handed to SMTP', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    await waitForOutcome(platform.api, journey.checkout.data!.id);
    await platform.sink.waitFor((email) => email.to.includes(journey.studentEmail));
    await platform.sink.waitFor((email) => email.to.includes(journey.payerEmail));

    const checkoutPost = await waitUntil('the span of POST /checkouts', async () =>
      receiver.spans.find(isCheckoutPost),
    );
    expect(serviceOf(checkoutPost)).toBe('financial');
    const inTrace = () => receiver.spans.filter((span) => span.traceId === checkoutPost.traceId);
    // Exported in batches by several processes: complete once both sends and every hop are in
    // (and, in Dapr mode, the sidecars' spans).
    const trace = await waitUntil(
      'the trace to reach both SMTP sends and every service',
      async () => {
        const spans = inTrace();
        const smtpSends = spans.filter((span) => span.name === 'smtp send');
        const services = new Set(spans.filter((s) => s.name.endsWith(' process')).map(serviceOf));
        const complete =
          smtpSends.length === 2 &&
          servicesOfAPurchase.every((name) => services.has(name)) &&
          (!daprMode || spans.some(bySidecar));
        return complete ? spans : undefined;
      },
    );

    // Every span hangs from POST /checkouts: no hop started a trace of its own.
    await waitUntil('every span of the trace to be exported', async () =>
      rootsOf(inTrace()).length === 1 ? true : undefined,
    );
    expect(rootsOf(inTrace())).toEqual([checkoutPost]);
    // The apps export JSON when no protocol is named; only Dapr's sidecars send protobuf.
    expect(trace.some((span) => span.encoding === 'json')).toBe(true);
    if (!daprMode) expect(trace.filter(bySidecar)).toEqual([]);
    const consumers = [...new Set(trace.filter((s) => s.name.endsWith(' process')).map(serviceOf))];
    expect(consumers.sort()).toEqual(servicesOfAPurchase);
    expect(trace.some((span) => span.attributes['db.system.name'] === 'postgresql')).toBe(true);
    // A statement's span says what it does to which table (its prepared statement's name).
    const statements = trace.filter((span) => span.name.startsWith('pg.query:'));
    expect(statements.map((span) => span.name)).toContainEqual(
      expect.stringMatching(/^pg\.query:insert financial\.checkout \S{16} /),
    );
    // A transaction's begin and commit are no spans of their own (service-kit's inTransaction).
    expect(statements.map((span) => span.name)).not.toContainEqual(
      expect.stringMatching(/^pg\.query:(BEGIN|COMMIT)/),
    );
    // Statements without their parameters, no bodies, no addresses: nothing personal in a span.
    expect(personalDataIn(JSON.stringify(receiver.spans))).toEqual([]);
  });

  it('logs one line per request with its route template and trace id, never the URL', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    const checkoutId = journey.checkout.data!.id;
    await waitForOutcome(platform.api, checkoutId);

    const polls = () =>
      logLines(platform.process.output()).filter(
        (line) => line.msg === 'request' && line.route === '/api/v1/checkouts/:id',
      );
    const [poll] = await waitUntil('the access line of a poll', async () =>
      polls().length > 0 ? polls() : undefined,
    );
    expect(poll).toMatchObject({
      service: 'financial',
      method: 'GET',
      status: 200,
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(typeof poll!.durationMs).toBe('number');
    expect(platform.process.output()).not.toContain(`/api/v1/checkouts/${checkoutId}`);
    const served = await waitUntil('the server span of that poll', async () =>
      receiver.spans.find((span) => span.spanId === poll!.span_id),
    );
    expect(served).toMatchObject({ traceId: poll!.trace_id, name: 'GET /api/v1/checkouts/:id' });
  });
});

describe('without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let receiver: OtlpReceiver;
  let platform: TestPlatform;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // The signal's own endpoint, which a started SDK would export to: tracing stays off anyway.
    const { OTEL_EXPORTER_OTLP_ENDPOINT: _, ...env } = tracedEnv(receiver);
    platform = await startTestPlatform({
      ...env,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.endpoint}/v1/traces`,
    });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await receiver?.stop();
  });

  it('nothing is traced: no export and no trace id in the log', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    await waitForOutcome(platform.api, journey.checkout.data!.id);
    await platform.sink.waitFor((email) => email.to.includes(journey.studentEmail));
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // several batch delays

    expect(receiver.exports).toBe(0);
    const lines = logLines(platform.process.output());
    expect(lines.filter((line) => line.msg === 'request').length).toBeGreaterThan(0);
    expect(lines.filter((line) => 'trace_id' in line)).toEqual([]);
  });
});
