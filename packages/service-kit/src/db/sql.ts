import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Database } from './open-database';

/**
 * Plain SQL for the statements every checkout runs, on the connections of the service's own
 * MikroORM pool. Measured on this machine, one insert through the unit of work costs ~7 times
 * the CPU of the same insert on the driver; entities stay for the rest and for migrations.
 * Parameters are `$1`-style; timestamps come back as Dates.
 */
export interface Sql {
  /** The rows the statement returns. */
  rows<R extends object>(text: string, values?: unknown[]): Promise<R[]>;
  /** How many rows the statement inserted, changed or deleted. */
  run(text: string, values?: unknown[]): Promise<number>;
}

interface Connection {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

// MikroORM keeps PostgreSQL's text for timestamps on its connections; these queries want Dates.
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (text: string) => new Date(text));

/** SQL on connections the knex client lends: the pool's, or a transaction's own one. */
function sqlOn(client: Knex.Client): Sql {
  const query = async (text: string, values: unknown[] = []) => {
    const connection = (await client.acquireConnection()) as Connection;
    try {
      return await connection.query({ text, values, types });
    } finally {
      await client.releaseConnection(connection);
    }
  };
  return {
    rows: async <R extends object>(text: string, values?: unknown[]) =>
      (await query(text, values)).rows as R[],
    run: async (text, values) => (await query(text, values)).rowCount ?? 0,
  };
}

/** Statements that each commit on their own. */
export const sqlOf = (orm: Database): Sql => sqlOn(orm.em.getKnex().client as Knex.Client);

/** Statements inside the transaction `em` runs (from `transactional`). */
export function sqlInTransaction(em: EntityManager): Sql {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('sqlInTransaction needs an entity manager in a transaction');
  return sqlOn(transaction.client as Knex.Client);
}

/** `$1, $2, …` for a statement's values, numbered from `first`. */
export const placeholders = (values: readonly unknown[], first = 1) =>
  values.map((_, i) => `$${first + i}`).join(', ');
