import type { CheckoutClient } from '@checkout/client';
import { waitForOutcome } from './checkout-journey';
import { waitUntil, type ReceivedEmail, type SmtpSink } from '@checkout/local-infra';
import { expectSteadyFor } from './steady';

/** A checkout the platform answered 202, and who its outcome e-mail (access or decline) goes to. */
export interface AcceptedCheckout {
  id: string;
  emailTo: string;
}

/** What became of one accepted checkout; a fault suite may add columns (charges, for one). */
export interface CheckoutLedgerEntry {
  id: string;
  status: string;
  emails: number;
}

/**
 * Waits until every accepted checkout has left `processing` and its e-mails have arrived, lets
 * late duplicates show up for `quietMs`, then expects each checkout final with exactly one
 * outcome e-mail (access or decline), and each approved one with exactly one receipt, the others
 * with none. A receipt is the one e-mail that names its checkout's id; it is not counted as an
 * outcome e-mail even when payer and student share an address. Returns the ledger, so a caller
 * can report lost and duplicated counts.
 */
export async function expectEachCheckoutSettledOnce(
  api: CheckoutClient,
  sink: SmtpSink,
  checkouts: AcceptedCheckout[],
  { timeoutMs = 60_000, quietMs = 2_000 } = {},
): Promise<CheckoutLedgerEntry[]> {
  const isReceipt = (email: ReceivedEmail) => checkouts.some(({ id }) => email.text.includes(id));
  const emailsTo = (address: string) =>
    sink.emails.filter((e) => e.to.includes(address) && !isReceipt(e)).length;
  const receiptsOf = (id: string) => sink.emails.filter((e) => e.text.includes(id)).length;
  const statuses = await Promise.all(
    checkouts.map(async ({ id }) => (await waitForOutcome(api, id, timeoutMs)).status),
  );
  const receiptsDue = (i: number) => (statuses[i] === 'approved' ? 1 : 0);
  await waitUntil(
    `the e-mails of each of ${checkouts.length} checkouts`,
    () =>
      checkouts.every(
        ({ id, emailTo }, i) => emailsTo(emailTo) > 0 && receiptsOf(id) >= receiptsDue(i),
      ) || undefined,
    timeoutMs,
  );
  await expectSteadyFor(
    `no second e-mail for any of ${checkouts.length} checkouts`,
    () =>
      checkouts.every(
        ({ id, emailTo }, i) => emailsTo(emailTo) === 1 && receiptsOf(id) === receiptsDue(i),
      ),
    quietMs,
  );
  const ledger = checkouts.map(({ id, emailTo }, i) => ({
    id,
    status: statuses[i] ?? 'unknown',
    emails: emailsTo(emailTo),
  }));
  expect(ledger.filter((entry) => entry.emails !== 1)).toEqual([]);
  expect(
    checkouts.filter(({ id }, i) => receiptsOf(id) !== receiptsDue(i)).map(({ id }) => id),
  ).toEqual([]);
  return ledger;
}
