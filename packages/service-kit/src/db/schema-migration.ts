import { Migration } from '@mikro-orm/migrations';

/** A migration whose plain table names land in the service's own schema. */
export abstract class SchemaMigration extends Migration {
  protected inServiceSchema(...statements: string[]): void {
    const schema = this.config.get('schema');
    this.addSql(`create schema if not exists "${schema}"`);
    this.addSql(`set local search_path to "${schema}"`);
    for (const statement of statements) this.addSql(statement);
  }
}
