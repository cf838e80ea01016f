import type { CheckoutClient } from '@checkout/client';
import { waitForOutcome } from './checkout-journey';
import { waitUntil, type SmtpSink } from '@checkout/local-infra';
import { expectSteadyFor } from './steady';

/** A checkout the platform answered 202, and who its outcome e-mail goes to. */
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
 * Waits until every accepted checkout has left `processing` and its e-mail has arrived, lets
 * late duplicates show up for `quietMs`, then expects each checkout final with exactly one
 * e-mail. Returns the ledger, so a caller can report lost and duplicated counts.
 */
export async function expectEachCheckoutSettledOnce(
  api: CheckoutClient,
  sink: SmtpSink,
  checkouts: AcceptedCheckout[],
  { timeoutMs = 60_000, quietMs = 2_000 } = {},
): Promise<CheckoutLedgerEntry[]> {
  const emailsTo = (address: string) => sink.emails.filter((e) => e.to.includes(address)).length;
  const statuses = await Promise.all(
    checkouts.map(async ({ id }) => (await waitForOutcome(api, id, timeoutMs)).status),
  );
  await waitUntil(
    `an e-mail for each of ${checkouts.length} checkouts`,
    () => checkouts.every(({ emailTo }) => emailsTo(emailTo) > 0) || undefined,
    timeoutMs,
  );
  await expectSteadyFor(
    `no second e-mail for any of ${checkouts.length} checkouts`,
    () => checkouts.every(({ emailTo }) => emailsTo(emailTo) === 1),
    quietMs,
  );
  const ledger = checkouts.map(({ id, emailTo }, i) => ({
    id,
    status: statuses[i] ?? 'unknown',
    emails: emailsTo(emailTo),
  }));
  expect(ledger.filter((entry) => entry.emails !== 1)).toEqual([]);
  return ledger;
}
