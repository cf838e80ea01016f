import { MikroORM, type EntitySchema, type MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { DeadLetter } from './dead-letter';
import { InboxEntry, OutboxEvent } from './messaging-entities';

/** What a service brings to the database: its schema, entities and migrations in order. */
export interface DatabaseModule {
  schema: string;
  entities: EntitySchema[];
  migrations: MigrationObject[];
}

export type Database = MikroORM<PostgreSqlDriver>;

export async function openDatabase(
  module: DatabaseModule,
  url: string,
  poolSize = 5,
): Promise<Database> {
  return MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    schema: module.schema,
    // Several services share a process; a distinct context keeps their transactions apart.
    contextName: module.schema,
    entities: [...module.entities, OutboxEvent, InboxEntry, DeadLetter],
    extensions: [Migrator],
    migrations: {
      migrationsList: module.migrations,
      tableName: 'schema_migration',
      allOrNothing: true,
      silent: true,
    },
    pool: { min: 0, max: poolSize },
    allowGlobalContext: false,
  });
}

/** The schema the service's tables live in, which its SQL names them by. */
export const schemaOf = (orm: Database) => String(orm.config.get('schema'));

/** Applies the service's pending migrations; returns their names. */
export async function migrateDatabase(orm: Database): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
