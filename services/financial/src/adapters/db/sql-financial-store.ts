import {
  inboxOf,
  placeholders,
  sqlOf,
  type Database,
  type Sql,
  type Transaction,
  type TransactionRunner,
} from '@checkout/service-kit';
import type { Checkout } from '../../domain/checkout';
import type {
  CheckoutConflict,
  Course,
  FinancialStore,
  FinancialTransaction,
  StoredResponse,
} from '../../app/ports';
import {
  checkoutChanges,
  checkoutColumns,
  checkoutValues,
  payerColumns,
  payerValues,
  toAttempt,
  toCheckout,
  toPayer,
  type AttemptRow,
  type CheckoutRow,
  type PayerRow,
} from './financial-rows';
import { sqlCoupons } from './sql-coupons';

const courseColumns = `"id", "title", "price_cents", "currency", "max_installments",
  "interest_free_installments", "monthly_interest_bps"`;
interface CourseRow {
  id: string;
  title: string;
  price_cents: number;
  currency: 'BRL';
  max_installments: number;
  interest_free_installments: number;
  monthly_interest_bps: number;
}
const toCourse = (row: CourseRow): Course => ({
  id: row.id,
  title: row.title,
  priceCents: row.price_cents,
  currency: row.currency,
  installmentPlan: {
    maxInstallments: row.max_installments,
    interestFreeInstallments: row.interest_free_installments,
    monthlyInterestBps: row.monthly_interest_bps,
  },
});

const findCheckout = async (sql: Sql, id: string, lock: '' | ' for update' = '') => {
  const [row] = await sql.rows<CheckoutRow>(
    `select ${checkoutColumns} from "financial"."checkout" where "id" = $1${lock}`,
    [id],
  );
  return row && toCheckout(row);
};

const findStoredResponse = async (sql: Sql, key: string) => {
  const [row] = await sql.rows<StoredResponse>(
    `select "fingerprint", "status", "body" from "financial"."idempotency_record" where "key" = $1`,
    [key],
  );
  return row;
};

/** What an insert that did not happen collided with (see the unique indexes of migration 0003). */
async function conflictOf(sql: Sql, checkout: Checkout): Promise<CheckoutConflict> {
  const [used] = checkout.cardToken
    ? await sql.rows(`select 1 from "financial"."checkout" where "card_token" = $1`, [
        checkout.cardToken,
      ])
    : [];
  if (used) return { reason: 'card_token_used' };
  const [open] = await sql.rows<{ id: string; status: Checkout['status'] }>(
    `select "id", "status" from "financial"."checkout"
      where "lead_id" = $1 and "course_id" = $2 and "status" <> 'declined'`,
    [checkout.leadId, checkout.courseId],
  );
  if (!open) throw new Error(`checkout ${checkout.id} collided with a row that is gone`);
  return open.status === 'approved'
    ? { reason: 'already_enrolled' }
    : { reason: 'checkout_in_progress', checkoutId: open.id };
}

function financialTransaction({ sql, publish }: Transaction): FinancialTransaction {
  const { takeCouponUse, giveBackCouponUse, releaseCouponUse } = sqlCoupons(sql);
  return {
    takeCouponUse,
    giveBackCouponUse,
    releaseCouponUse,
    // The key's primary key serialises requests that carry it: an insert waits for a concurrent
    // one to commit (then does nothing) or roll back (then inserts).
    claimIdempotencyKey: async (key, { fingerprint, status, body }) =>
      (await sql.run(
        `insert into "financial"."idempotency_record" ("key", "fingerprint", "status", "body", "created_at")
          values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [key, fingerprint, status, body, new Date()],
      )) > 0,
    releaseIdempotencyKey: async (key) => {
      await sql.run(`delete from "financial"."idempotency_record" where "key" = $1`, [key]);
    },
    findStoredResponse: (key) => findStoredResponse(sql, key),
    addCheckout: async (checkout) => {
      const values = checkoutValues(checkout);
      return (await sql.run(
        `insert into "financial"."checkout" (${checkoutColumns})
          values (${placeholders(values)}) on conflict do nothing`,
        values,
      )) > 0
        ? undefined
        : conflictOf(sql, checkout);
    },
    addPayer: async (checkoutId, payer) => {
      const values = payerValues(checkoutId, payer);
      await sql.run(
        `insert into "financial"."payer" (${payerColumns}) values (${placeholders(values)})`,
        values,
      );
    },
    findPayer: async (checkoutId) => {
      const [row] = await sql.rows<PayerRow>(
        `select ${payerColumns} from "financial"."payer" where "checkout_id" = $1`,
        [checkoutId],
      );
      return row && toPayer(row);
    },
    recordAttempt: async (checkoutId, attempt) => {
      await sql.run(
        `insert into "financial"."charge_attempt" ("checkout_id", "number", "outcome", "decline_reason", "at")
          values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [checkoutId, attempt.number, attempt.outcome, attempt.declineReason ?? null, attempt.at],
      );
    },
    // Without the lock, the same key for two sales at once would meet at the unique index: a 500.
    lockRefundKey: async (key) => {
      await sql.run(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
      const [row] = await sql.rows<{ id: string }>(
        `select "id" from "financial"."checkout" where "refund_key" = $1`,
        [key],
      );
      return row?.id;
    },
    markRefundRequested: async (id, key, at) => {
      await sql.run(
        `update "financial"."checkout" set "refund_requested_at" = $2, "refund_key" = $3,
          "updated_at" = $2 where "id" = $1`,
        [id, at, key],
      );
    },
    lockCheckout: (id) => findCheckout(sql, id, ' for update'),
    updateCheckout: async (id, changes) => {
      const { assignments, values } = checkoutChanges(changes, 3);
      await sql.run(
        `update "financial"."checkout" set "updated_at" = $2, ${assignments.join(', ')} where "id" = $1`,
        [id, new Date(), ...values],
      );
    },
    claimStuckCheckouts: async (updatedBefore, limit) =>
      (
        await sql.rows<CheckoutRow>(
          `select ${checkoutColumns} from "financial"."checkout" where "status" = 'processing' and "updated_at" < $1
            and "payment_method" = 'card' order by "updated_at" limit $2 for update skip locked`,
          [updatedBefore, limit],
        )
      ).map(toCheckout),
    claimExpiredPixCheckouts: async (now, limit) =>
      (
        await sql.rows<CheckoutRow>(
          `select ${checkoutColumns} from "financial"."checkout" where "status" = 'processing'
            and "payment_method" = 'pix' and "pix_expires_at" < $1
            order by "pix_expires_at" limit $2 for update skip locked`,
          [now, limit],
        )
      ).map(toCheckout),
    publish,
  };
}

/** Financial's tables in plain SQL: most of these statements run for every checkout. */
export function createSqlFinancialStore(
  orm: Database,
  transactions: TransactionRunner,
): FinancialStore {
  const sql = sqlOf(orm);
  const { findCoupon, listCoupons, addCoupon } = sqlCoupons(sql);
  return {
    findCoupon,
    listCoupons,
    addCoupon,
    listCourses: async () =>
      (
        await sql.rows<CourseRow>(
          `select ${courseColumns} from "financial"."course" order by "title"`,
        )
      ).map(toCourse),
    findCourse: async (id) => {
      const [row] = await sql.rows<CourseRow>(
        `select ${courseColumns} from "financial"."course" where "id" = $1`,
        [id],
      );
      return row && toCourse(row);
    },
    findStoredResponse: (key) => findStoredResponse(sql, key),
    findCheckout: (id) => findCheckout(sql, id),
    isCardTokenUsed: async (cardToken) =>
      (await sql.rows(`select 1 from "financial"."checkout" where "card_token" = $1`, [cardToken]))
        .length > 0,
    listSales: async (limit, after) =>
      (
        await sql.rows<CheckoutRow>(
          `select ${checkoutColumns} from "financial"."checkout"
            where "status" in ('approved', 'refunded')
              and ($2::timestamptz is null or ("decided_at", "id") < ($2, $3::text))
            order by "decided_at" desc, "id" desc limit $1`,
          [limit, after?.decidedAt ?? null, after?.id ?? null],
        )
      ).map(toCheckout),
    listAttempts: async (checkoutId) =>
      (
        await sql.rows<AttemptRow>(
          `select "number", "outcome", "decline_reason", "at" from "financial"."charge_attempt"
            where "checkout_id" = $1 order by "number"`,
          [checkoutId],
        )
      ).map(toAttempt),
    nthLatestDeclines: async ({ leadId, clientKey }, { perLead, perClient }, since) => {
      const nthDecline = (column: string, value: number, nth: number) =>
        `(select "decided_at" from "financial"."checkout"
          where "${column}" = $${value} and "status" = 'declined' and "decided_at" >= $1
            and "payment_method" = 'card'
          order by "decided_at" desc offset ${Math.max(nth - 1, 0)} limit 1)`;
      const [row] = await sql.rows<{ lead: Date | null; client: Date | null }>(
        `select ${nthDecline('lead_id', 2, perLead)} as "lead",
          ${nthDecline('client_key', 3, perClient)} as "client"`,
        [since, leadId, clientKey],
      );
      return { ...(row?.lead && { lead: row.lead }), ...(row?.client && { client: row.client }) };
    },
    transaction: (work) => transactions.run((tx) => work(financialTransaction(tx))),
    ...inboxOf(transactions, financialTransaction),
  };
}
