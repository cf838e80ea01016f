import { Client } from 'pg';
import type { CheckoutLedgerEntry } from './checkout-ledger';

/**
 * Reads the simulated acquirer's own records (payment's `simulated_acquirer_charge`, one row per
 * idempotency key) and expects each approved checkout charged exactly once and every other
 * checkout never. Returns the ledger with a `charges` column.
 */
export async function expectOneChargePerApprovedCheckout(
  databaseUrl: string,
  ledger: CheckoutLedgerEntry[],
): Promise<(CheckoutLedgerEntry & { charges: number })[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ reference: string; charges: number }>(
      `select reference, count(*)::int as charges from payment.simulated_acquirer_charge
        where outcome = 'approved' and reference = any($1) group by reference`,
      [ledger.map((entry) => entry.id)],
    );
    const charges = new Map(rows.map((row) => [row.reference, row.charges]));
    const withCharges = ledger.map((entry) => ({ ...entry, charges: charges.get(entry.id) ?? 0 }));
    expect(
      withCharges.filter((entry) => entry.charges !== (entry.status === 'approved' ? 1 : 0)),
    ).toEqual([]);
    return withCharges;
  } finally {
    await client.end();
  }
}
