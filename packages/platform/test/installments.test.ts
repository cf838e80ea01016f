import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buyCourse,
  installmentTable,
  installmentTableIn,
  repoRoot,
  startTestPlatform,
  tableCells,
  testCards,
  waitForOutcome,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * Installments on the platform as a user runs it: the options the public API lists, a checkout
 * paid in 12, what the simulated acquirer was asked to charge and what the payer's e-mail says.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 180_000);

afterAll(() => platform?.stop());

const sampleCourse = 'typescript-fundamentals';

describe('installments', () => {
  it("lists the sample course's options exactly as the worked example in docs/payments.md, to the cent", async () => {
    const { data } = await platform.api.GET('/courses/{id}/installments', {
      params: { path: { id: sampleCourse } },
    });
    const docs = readFileSync(join(repoRoot, 'docs/payments.md'), 'utf8');
    expect(installmentTableIn(docs, sampleCourse)).toEqual(tableCells(installmentTable(data!)));
    expect(data!.items.at(-1)).toEqual({
      count: 12,
      installmentCents: 2807,
      lastInstallmentCents: 2803,
      totalCents: 33680,
      interestFree: false,
    });
  });

  it('charges a 12x checkout its total, which the acquirer is asked for with the count, and the e-mails show the installments', async () => {
    const journey = await buyCourse(platform.api, {
      cardNumber: testCards.approved,
      installments: 12,
    });
    const id = journey.checkout.data!.id;
    const checkout = await waitForOutcome(platform.api, id);
    expect(checkout).toMatchObject({
      status: 'approved',
      amountCents: 33680,
      installments: {
        count: 12,
        installmentCents: 2807,
        lastInstallmentCents: 2803,
        label: '12 x R$\u00a028,07',
      },
    });
    const charges = await platform.sql(
      `select amount_cents, installments, outcome from payment.simulated_acquirer_charge
        where reference = $1`,
      [id],
    );
    expect(charges).toEqual([{ amount_cents: 33680, installments: 12, outcome: 'approved' }]);

    const receipt = await platform.sink.waitFor(
      (e) => e.to.includes(journey.payerEmail) && e.text.includes(id),
      30_000,
    );
    for (const text of [receipt.text, receipt.html])
      expect(text).toContain(
        'pagamento de R$\u00a0336,80 em 12 x R$\u00a028,07 (a última de R$\u00a028,03)',
      );
  });

  it('charges a checkout that names no installments the price in one payment', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
    const id = journey.checkout.data!.id;
    expect(await waitForOutcome(platform.api, id)).toMatchObject({
      amountCents: 29700,
      installments: { count: 1, installmentCents: 29700, lastInstallmentCents: 29700 },
    });
    const charges = await platform.sql(
      `select amount_cents, installments from payment.simulated_acquirer_charge where reference = $1`,
      [id],
    );
    expect(charges).toEqual([{ amount_cents: 29700, installments: 1 }]);
    const receipt = await platform.sink.waitFor(
      (e) => e.to.includes(journey.payerEmail) && e.text.includes(id),
      30_000,
    );
    expect(receipt.text).not.toContain(' x R$');
  });
});
