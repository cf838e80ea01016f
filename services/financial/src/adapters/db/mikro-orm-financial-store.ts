import type { InferEntity } from '@mikro-orm/core';
import type { Database, Transaction, TransactionRunner } from '@checkout/service-kit';
import type { Checkout } from '../../domain/checkout';
import type { Course, FinancialStore, FinancialTransaction } from '../../app/ports';
import { CheckoutEntity, CourseEntity, IdempotencyRecordEntity } from './entities';

type CheckoutRow = InferEntity<typeof CheckoutEntity>;

const toCheckout = ({
  createdAt: _c,
  updatedAt: _u,
  declineReason,
  ...row
}: CheckoutRow): Checkout => ({
  ...row,
  ...(declineReason && { declineReason }),
});

function financialTransaction({ em, publish }: Transaction): FinancialTransaction {
  return {
    findCourse: async (id) => (await em.findOne(CourseEntity, { id })) ?? undefined,
    lockIdempotencyKey: async (key) => {
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`idempotency:${key}`]);
    },
    findStoredResponse: async (key) =>
      (await em.findOne(IdempotencyRecordEntity, { key })) ?? undefined,
    storeResponse: (key, response) => {
      em.create(IdempotencyRecordEntity, { key, ...response });
    },
    addCheckout: (checkout) => {
      em.create(CheckoutEntity, { declineReason: null, ...checkout });
    },
    findCheckout: async (id) => {
      const row = await em.findOne(CheckoutEntity, { id });
      return row ? toCheckout(row) : undefined;
    },
    updateCheckout: async (id, changes) => {
      await em.nativeUpdate(CheckoutEntity, { id }, { ...changes, updatedAt: new Date() });
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
    findCheckout: async (id) => {
      const row = await orm.em.fork().findOne(CheckoutEntity, { id });
      return row ? toCheckout(row) : undefined;
    },
    transaction: (work) => transactions.run((tx) => work(financialTransaction(tx))),
    handleOnce: async (eventId, consumer, work) => {
      const outcome = await transactions.runOnce(eventId, consumer, (tx) =>
        work(financialTransaction(tx)),
      );
      return !outcome.duplicate;
    },
  };
}
