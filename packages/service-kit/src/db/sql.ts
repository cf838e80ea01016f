import type { Knex } from '@mikro-orm/postgresql';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database } from './open-database';

/**
 * Plain SQL for the services' tables, on the connections of the service's own MikroORM pool.
 * Measured on this machine, one insert in a transaction through MikroORM's unit of work costs
 * ~7 times the CPU of the same on the driver, a findOne ~12 times a query; MikroORM stays for
 * the entities that describe the schema and for migrations. Parameters are `$1`-style;
 * timestamps come back as Dates.
 */
export interface Sql {
  /** The rows the statement returns. */
  rows<R extends object>(text: string, values?: unknown[]): Promise<R[]>;
  /** How many rows the statement inserted, changed or deleted. */
  run(text: string, values?: unknown[]): Promise<number>;
}

interface Connection {
  query(config: pg.QueryConfig | string): Promise<pg.QueryResult>;
}

// MikroORM keeps PostgreSQL's text for timestamps on its connections; these queries want Dates.
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (text: string) => new Date(text));

// Each statement is prepared once per connection, under a name its text decides, and then only
// bound and executed: PostgreSQL no longer parses and plans it on every call. A prepared read's
// result shape is fixed, so reads name their columns: a `select *` fails ("cached plan must not
// change result type") once a migration adds a column under a running service.
const statementNames = new Map<string, string>();

/**
 * What a statement does to which table, then its text's hash (one name, one text): read in its
 * trace span (`pg.query:insert financial.checkout 3xK…`) and in pg_prepared_statements.
 */
function statementName(text: string): string {
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase();
  const table = /\b(?:from|into|update)\s+("?\w+"?(?:\."?\w+"?)?)/i
    .exec(text)?.[1]
    ?.replaceAll('"', '');
  const hash = createHash('sha1').update(text).digest('base64url').slice(0, 16);
  return [verb, table, hash].filter(Boolean).join(' ');
}

function statement(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = statementName(text);
    statementNames.set(text, name);
  }
  return { name, text, values, types } as pg.QueryConfig;
}

function sqlOn(query: (text: string, values: unknown[]) => Promise<pg.QueryResult>): Sql {
  return {
    rows: async <R extends object>(text: string, values: unknown[] = []) =>
      (await query(text, values)).rows as R[],
    run: async (text, values = []) => (await query(text, values)).rowCount ?? 0,
  };
}

const poolOf = (orm: Database) => orm.em.getKnex().client as Knex.Client;

/** Statements that each commit on their own, each on a connection the pool lends. */
export function sqlOf(orm: Database): Sql {
  const pool = poolOf(orm);
  return sqlOn(async (text, values) => {
    const connection = (await pool.acquireConnection()) as Connection;
    try {
      return await connection.query(statement(text, values));
    } finally {
      await pool.releaseConnection(connection);
    }
  });
}

/** Runs `work` in a transaction on one connection: committed if it resolves, else rolled back. */
export async function inTransaction<R>(orm: Database, work: (sql: Sql) => Promise<R>): Promise<R> {
  const pool = poolOf(orm);
  const connection = (await pool.acquireConnection()) as Connection;
  // Outside the trace: a span each for begin and commit would say nothing the statements' spans
  // and their parent do not, and cost an eighth of a purchase's spans.
  const control = (command: 'begin' | 'commit' | 'rollback') =>
    context.with(ROOT_CONTEXT, () => connection.query(command));
  try {
    await control('begin');
    try {
      const result = await work(sqlOn((text, values) => connection.query(statement(text, values))));
      await control('commit');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is broken; the pool drops broken ones.
      await control('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    await pool.releaseConnection(connection);
  }
}

/** `$1, $2, …` for a statement's values, numbered from `first`. */
export const placeholders = (values: readonly unknown[], first = 1) =>
  values.map((_, i) => `$${first + i}`).join(', ');
