import {
  buyCourse,
  checkoutRequestFor,
  expectEachCheckoutSettledOnce,
  expectOneChargePerApprovedCheckout,
  personalDataIn,
  postCheckout,
  registerTestLead,
  startTestPlatform,
  testCards,
  tokenizeTestCard,
  waitForOutcome,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * Money faults against the platform as a user runs it, each proved with a ledger over every
 * checkout the test made: its outcome, the e-mails at a real SMTP server, and the charges in the
 * simulated acquirer's own records.
 */
const chargeStuckAfterSeconds = 3;
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({
    CHARGE_STUCK_AFTER_SECONDS: String(chargeStuckAfterSeconds),
  });
}, 180_000);

afterAll(() => platform?.stop());

/** The ledger over the checkouts, and the log so far, faults included, free of personal data. */
async function settleOnce(checkouts: { id: string; emailTo: string }[]) {
  const ledger = await expectOneChargePerApprovedCheckout(
    platform.databaseUrl,
    await expectEachCheckoutSettledOnce(platform.api, platform.sink, checkouts),
  );
  expect(personalDataIn(platform.process.output())).toEqual([]);
  return ledger;
}

it('charges one card token once, however many checkouts use it at the same time', async () => {
  const email = `ten-at-once-${Date.now()}@example.com`;
  const lead = await registerTestLead(platform.api, email);
  const card = await tokenizeTestCard(platform.api, testCards.approved);
  const request = checkoutRequestFor(lead.data!.id, card.data!.token, email);
  const responses = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      postCheckout(platform.api, request, `ten-at-once-${i}-${email}`),
    ),
  );
  expect(responses.map((r) => r.response.status).sort()).toEqual([
    202,
    ...Array<number>(9).fill(409),
  ]);
  for (const refused of responses.filter((r) => r.response.status === 409))
    expect(refused.error?.errors).toEqual([{ field: 'cardToken', message: expect.any(String) }]);
  const accepted = responses.flatMap((r) => (r.data ? [r.data.id] : []));
  const ledger = await settleOnce(accepted.map((id) => ({ id, emailTo: email })));
  expect(ledger).toEqual([{ id: accepted[0], status: 'approved', emails: 1, charges: 1 }]);
});

it('refuses a course the buyer already owns before anything is charged', async () => {
  const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
  const first = { id: journey.checkout.data!.id, emailTo: journey.studentEmail };
  await waitForOutcome(platform.api, first.id);
  const card = await tokenizeTestCard(platform.api, testCards.approved);
  const again = await postCheckout(
    platform.api,
    { ...journey.request, cardToken: card.data!.token },
    `${journey.idempotencyKey}-again`,
  );
  expect(again.response.status).toBe(409);
  expect(again.error).toMatchObject({ type: '/problems/already-enrolled' });
  await settleOnce([first]);
  expect(
    await platform.sql(`select id from financial.checkout where lead_id = $1`, [journey.lead.id]),
  ).toEqual([{ id: first.id }]);
});

it('settles a charge whose request payment kept failing on (dead-lettered) within the sweeper threshold', async () => {
  // Payment's inbox refuses every charge request while the trigger exists: the acquirer is
  // asked, but the result never commits and the request ends as a dead letter.
  await platform.sql(`
    create function payment.refuse_charge_requests() returns trigger language plpgsql as $$
      begin raise exception 'injected fault'; end $$;
    create trigger refuse_charge_requests before insert on payment.inbox_entry
      for each row when (new.consumer = 'payment.charge-card')
      execute function payment.refuse_charge_requests();`);
  const deadLettersBefore = (await platform.sql(`select event_id from payment.dead_letter`)).length;
  const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
  // In Dapr mode the sidecar's Resiliency policy retries for about 80 s before dead-lettering.
  await waitUntil(
    'the charge request to be dead-lettered',
    async () =>
      (await platform.sql(`select event_id from payment.dead_letter`)).length > deadLettersBefore
        ? true
        : undefined,
    150_000,
  );
  await platform.sql(`drop trigger refuse_charge_requests on payment.inbox_entry`);
  const id = journey.checkout.data!.id;
  expect(
    await waitForOutcome(platform.api, id, (chargeStuckAfterSeconds + 60) * 1000),
  ).toMatchObject({
    status: 'approved',
  });
  expect(await settleOnce([{ id, emailTo: journey.studentEmail }])).toEqual([
    { id, status: 'approved', emails: 1, charges: 1 },
  ]);
}, 300_000);
