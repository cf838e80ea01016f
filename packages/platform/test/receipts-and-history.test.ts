import {
  buyCourse,
  expectSteadyFor,
  individualPayer,
  personalDataIn,
  postCheckout,
  registerTestLead,
  startTestPlatform,
  testCards,
  tokenizeTestCard,
  waitForOutcome,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * The payer's receipt and the checkout's charge history, on the platform as a user runs it, with
 * e-mails read from a real SMTP server and the platform's own log output scanned.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 180_000);

afterAll(() => platform?.stop());

const emailsTo = (address: string) => platform.sink.emails.filter((e) => e.to.includes(address));
const naming = (checkoutId: string) =>
  platform.sink.emails.filter((e) => e.text.includes(checkoutId));

/** Both e-mails of an approval, then a quiet stretch in which no second one of either arrives. */
async function approvalEmails(checkoutId: string, studentEmail: string, payerEmail: string) {
  const receipt = await platform.sink.waitFor(
    (e) => e.to.includes(payerEmail) && e.text.includes(checkoutId),
    30_000,
  );
  const access = await platform.sink.waitFor(
    (e) => e.to.includes(studentEmail) && !e.text.includes(checkoutId),
    30_000,
  );
  await expectSteadyFor(
    'one receipt and one access e-mail',
    () =>
      naming(checkoutId).length === 1 &&
      emailsTo(studentEmail).filter((e) => !e.text.includes(checkoutId)).length === 1,
    2_000,
  );
  return { receipt, access };
}

describe('the receipt', () => {
  it('when payer and student differ, the payer gets one receipt and the student one access e-mail', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    const id = journey.checkout.data!.id;
    expect(await waitForOutcome(platform.api, id)).toMatchObject({ status: 'approved' });
    const { receipt, access } = await approvalEmails(id, journey.studentEmail, journey.payerEmail);
    expect(receipt.to).toEqual([journey.payerEmail]);
    expect(receipt.subject).toBe('Recibo: Fundamentos de TypeScript');
    for (const shown of ['R$\u00a0297,00', 'Visa final 4242', '**.222.333/0001-**', id])
      expect(receipt.text).toContain(shown);
    expect(access.text).toContain('/activate?token=');
    expect(emailsTo(journey.payerEmail)).toHaveLength(1);
  });

  it('when the payer is the student, they get one receipt and one access e-mail, apart', async () => {
    const email = `payer-and-student-${Date.now()}@example.com`;
    const lead = (await registerTestLead(platform.api, email)).data!;
    const card = (await tokenizeTestCard(platform.api, testCards.approved)).data!;
    const checkout = await postCheckout(
      platform.api,
      {
        leadId: lead.id,
        courseId: 'typescript-fundamentals',
        cardToken: card.token,
        payer: { ...individualPayer, email },
      },
      `payer-and-student-${email}`,
    );
    const id = checkout.data!.id;
    expect(await waitForOutcome(platform.api, id)).toMatchObject({ status: 'approved' });
    const { receipt } = await approvalEmails(id, email, email);
    expect(receipt.text).toContain('***.982.247-**');
    expect(emailsTo(email)).toHaveLength(2);
  });
});

describe("the buyer's language", () => {
  it('writes every e-mail of a buyer who reads English in English: access, receipt and decline', async () => {
    const approved = await buyCourse(platform.api, {
      cardNumber: testCards.approved,
      language: 'en',
    });
    const declined = await buyCourse(platform.api, {
      cardNumber: testCards.declined,
      language: 'en',
    });
    const approvedId = approved.checkout.data!.id;
    const declinedId = declined.checkout.data!.id;
    expect(await waitForOutcome(platform.api, approvedId)).toMatchObject({ status: 'approved' });
    expect(await waitForOutcome(platform.api, declinedId)).toMatchObject({ status: 'declined' });

    const { receipt, access } = await approvalEmails(
      approvedId,
      approved.studentEmail,
      approved.payerEmail,
    );
    expect(receipt.subject).toBe('Receipt: Fundamentos de TypeScript');
    expect(access.subject).toBe('Your access to Fundamentos de TypeScript');
    const decline = await platform.sink.waitFor((e) => e.to.includes(declined.payerEmail), 30_000);
    expect(decline.subject).toBe('Payment not approved: Fundamentos de TypeScript');
  }, 60_000);
});

describe('the charge history', () => {
  it('shows both attempts of a transient gateway error, between acceptance and decision', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.transient });
    const accepted = journey.checkout.data!;
    expect(accepted).toMatchObject({ status: 'processing', attempts: [] });
    const checkout = await waitForOutcome(platform.api, accepted.id);
    expect(checkout).toMatchObject({ status: 'approved', createdAt: accepted.createdAt });
    expect(checkout.attempts).toEqual([
      { number: 1, outcome: 'gateway_error', at: expect.any(String) },
      { number: 2, outcome: 'approved', at: expect.any(String) },
    ]);
    const times = [checkout.createdAt, ...checkout.attempts.map((a) => a.at), checkout.decidedAt];
    const millis = times.map((t) => Date.parse(t ?? ''));
    expect(millis.every(Number.isFinite)).toBe(true);
    expect(millis).toEqual([...millis].sort((a, b) => a - b));
  });

  it('shows a declined attempt with its reason, and the payer gets no receipt', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.declined });
    const id = journey.checkout.data!.id;
    const checkout = await waitForOutcome(platform.api, id);
    expect(checkout).toMatchObject({
      status: 'declined',
      declineReason: 'card_declined',
      decidedAt: expect.any(String),
      attempts: [
        { number: 1, outcome: 'declined', declineReason: 'card_declined', at: checkout.decidedAt },
      ],
    });
    await platform.sink.waitFor((e) => e.to.includes(journey.payerEmail), 30_000);
    await expectSteadyFor(
      'the decline e-mail alone',
      () => emailsTo(journey.payerEmail).length === 1 && naming(id).length === 0,
      2_000,
    );
  });
});

describe('personal data', () => {
  // Runs after the journeys above: every payer so far is in the log output and the e-mails.
  it("never puts the payer's document, phone or street in the log, nor a full document in an e-mail", () => {
    const log = platform.process.output();
    expect(log).toContain('checkout'); // the scan did read the platform's output
    expect(personalDataIn(log)).toEqual([]);
    const { document, phone, address } = individualPayer;
    for (const secret of [document, '52998224725', '11.222.333/0001-81', '11222333000181'])
      expect(
        platform.sink.emails.filter((e) => e.text.includes(secret) || e.html.includes(secret)),
      ).toEqual([]);
    for (const secret of [document, '52998224725', phone, address.street, '11222333000181'])
      expect(log).not.toContain(secret);
  });
});
