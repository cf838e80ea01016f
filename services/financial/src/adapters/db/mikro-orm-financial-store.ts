import { LockMode } from '@mikro-orm/core';
import {
  inboxOf,
  insertIfAbsent,
  type Database,
  type Transaction,
  type TransactionRunner,
} from '@checkout/service-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Checkout } from '../../domain/checkout';
import type {
  CheckoutConflict,
  Course,
  FinancialStore,
  FinancialTransaction,
} from '../../app/ports';
import {
  ChargeAttemptEntity,
  CheckoutEntity,
  CourseEntity,
  IdempotencyRecordEntity,
  PayerEntity,
} from './entities';
import { toAttempt, toCheckout, toCheckoutRow, toPayer, toPayerRow } from './financial-rows';

const listAttempts = async (em: EntityManager, checkoutId: string) =>
  (await em.find(ChargeAttemptEntity, { checkoutId }, { orderBy: { number: 'asc' } })).map(
    toAttempt,
  );

/** What an insert that did not happen collided with (see the unique indexes of migration 0003). */
async function conflictOf(em: EntityManager, checkout: Checkout): Promise<CheckoutConflict> {
  if (await em.count(CheckoutEntity, { cardToken: checkout.cardToken }))
    return { reason: 'card_token_used' };
  const open = await em.findOneOrFail(CheckoutEntity, {
    leadId: checkout.leadId,
    courseId: checkout.courseId,
    status: { $ne: 'declined' },
  });
  return open.status === 'approved'
    ? { reason: 'already_enrolled' }
    : { reason: 'checkout_in_progress', checkoutId: open.id };
}

function financialTransaction({ em, publish }: Transaction): FinancialTransaction {
  return {
    lockIdempotencyKey: async (key) => {
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`idempotency:${key}`]);
    },
    findStoredResponse: async (key) =>
      (await em.findOne(IdempotencyRecordEntity, { key })) ?? undefined,
    storeResponse: (key, response) => {
      em.create(IdempotencyRecordEntity, { key, ...response });
    },
    addCheckout: async (checkout) =>
      (await insertIfAbsent(em, CheckoutEntity, toCheckoutRow(checkout)))
        ? undefined
        : conflictOf(em, checkout),
    addPayer: (checkoutId, payer) => {
      em.create(PayerEntity, toPayerRow(checkoutId, payer));
    },
    findPayer: async (checkoutId) => {
      const row = await em.findOne(PayerEntity, { checkoutId });
      return row ? toPayer(row) : undefined;
    },
    recordAttempt: async (checkoutId, { declineReason, ...attempt }) => {
      const row = { checkoutId, ...attempt, declineReason: declineReason ?? null };
      await insertIfAbsent(em, ChargeAttemptEntity, row);
    },
    findCheckout: async (id) => {
      const row = await em.findOne(CheckoutEntity, { id });
      return row ? toCheckout(row) : undefined;
    },
    updateCheckout: async (id, changes) => {
      await em.nativeUpdate(CheckoutEntity, { id }, { ...changes, updatedAt: new Date() });
    },
    claimStuckCheckouts: async (updatedBefore, limit) => {
      const rows = await em.find(
        CheckoutEntity,
        { status: 'processing', updatedAt: { $lt: updatedBefore } },
        { orderBy: { updatedAt: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      return rows.map(toCheckout);
    },
    publish,
  };
}

export function createMikroOrmFinancialStore(
  orm: Database,
  transactions: TransactionRunner,
): FinancialStore {
  return {
    listCourses: async (): Promise<Course[]> =>
      orm.em.fork().find(CourseEntity, {}, { orderBy: { title: 'asc' } }),
    findCourse: async (id) => (await orm.em.fork().findOne(CourseEntity, { id })) ?? undefined,
    findStoredResponse: async (key) =>
      (await orm.em.fork().findOne(IdempotencyRecordEntity, { key })) ?? undefined,
    findCheckout: async (id) => {
      const row = await orm.em.fork().findOne(CheckoutEntity, { id });
      return row ? toCheckout(row) : undefined;
    },
    isCardTokenUsed: async (cardToken) =>
      (await orm.em.fork().count(CheckoutEntity, { cardToken })) > 0,
    listAttempts: (checkoutId) => listAttempts(orm.em.fork(), checkoutId),
    nthLatestDecline: async (of, nth, since) => {
      const [row] = await orm.em
        .fork()
        .find(
          CheckoutEntity,
          { ...of, status: 'declined', decidedAt: { $gte: since } },
          { orderBy: { decidedAt: 'desc' }, offset: Math.max(nth - 1, 0), limit: 1 },
        );
      return row?.decidedAt ?? undefined;
    },
    transaction: (work) => transactions.run((tx) => work(financialTransaction(tx))),
    ...inboxOf(transactions, financialTransaction),
  };
}
