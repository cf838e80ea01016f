import { defineEntity } from '@mikro-orm/core';
import { capturedLogger, createTestDatabase } from '@checkout/test-kit';
import {
  FaultReporter,
  SchemaMigration,
  isDatabaseUnavailable,
  migrateDatabase,
  openDatabase,
  type Database,
} from '../src';

const Person = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: (p) => ({ id: p.string().primary(), email: p.string(), birthDate: p.date() }),
});
class CreatePeople extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      'create table "person" ("id" text primary key, "email" text not null unique, "birth_date" date not null)',
    );
  }
}

let orm: Database;
beforeAll(async () => {
  orm = await openDatabase(
    { schema: 'people', entities: [Person], migrations: [{ name: '0001', class: CreatePeople }] },
    await createTestDatabase(),
  );
  await migrateDatabase(orm);
  await orm.em
    .fork()
    .insert(Person, { id: 'p1', email: 'ana@example.com', birthDate: '1990-05-17' });
});
afterAll(() => orm.close());

const failure = (insert: () => Promise<unknown>) =>
  insert().then(
    () => {
      throw new Error('the insert was expected to fail');
    },
    (error: unknown) => error,
  );

describe('a failed query in the log', () => {
  it('keeps the error class, SQLSTATE and PostgreSQL message but not the SQL, its values or the conflicting key', async () => {
    const error = await failure(() =>
      orm.em.fork().insert(Person, { id: 'p2', email: 'ana@example.com', birthDate: '1991-01-02' }),
    );
    expect(String(error)).toContain('ana@example.com'); // what a default serializer would print
    const { logger, lines } = capturedLogger();
    logger.error({ err: error }, 'insert failed');

    expect(JSON.stringify(lines)).not.toMatch(/ana@example\.com|1991-01-02|p2|insert into/);
    expect(lines[0]?.err).toMatchObject({
      type: 'UniqueConstraintViolationException',
      code: '23505',
      table: 'person',
      constraint: 'person_email_key',
      message: 'duplicate key value violates unique constraint "person_email_key"',
    });
  });

  it('masks the input value PostgreSQL quotes back', async () => {
    const error = await failure(() =>
      orm.em.fork().insert(Person, { id: 'p3', email: 'bia@example.com', birthDate: '0000-01-01' }),
    );
    const { logger, lines } = capturedLogger();
    logger.error({ err: error }, 'insert failed');
    expect(JSON.stringify(lines)).not.toMatch(/bia@example\.com|0000-01-01/);
    expect(lines[0]?.err).toMatchObject({ code: '22008' });
  });

  it('hides personal fields logged by name, at any of the first three levels', () => {
    const { logger, lines } = capturedLogger();
    logger.info(
      {
        payer: { name: 'Ana' },
        lead: { email: 'ana@example.com', document: '529.982.247-25', phone: '+55 11 91234-5678' },
        checkout: { request: { cardToken: 'tok_abc', address: { street: 'Av. Paulista' } } },
      },
      'careless log line',
    );
    expect(JSON.stringify(lines)).not.toMatch(/Ana|ana@|529\.982|91234|tok_abc|Paulista/);
  });
});

describe('an unreachable database', () => {
  it('is told from a bad query, whichever layer reports it', async () => {
    const refused = await failure(() =>
      openDatabase(
        { schema: 'people', entities: [Person], migrations: [] },
        'postgres://checkout:checkout@127.0.0.1:1/nowhere',
      ),
    );
    expect(isDatabaseUnavailable(refused)).toBe(true);
    const badQuery = await failure(() =>
      orm.em.fork().insert(Person, { id: 'p1', email: 'x@example.com', birthDate: '1990-01-01' }),
    );
    expect(isDatabaseUnavailable(badQuery)).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('is logged once per interval and once on recovery, however often it is retried', () => {
    // The reporter reads the clock: a fake one makes the 350 ms of retries exact.
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const { logger, lines } = capturedLogger();
    const reporter = new FaultReporter(logger, 'relay', 100);
    try {
      for (let elapsedMs = 0; elapsedMs < 350; elapsedMs += 5) {
        reporter.failed(new Error('connect ECONNREFUSED'));
        jest.advanceTimersByTime(5);
      }
      reporter.succeeded();
      reporter.succeeded();
    } finally {
      jest.useRealTimers();
    }
    expect(lines.map((line) => line.msg)).toEqual([
      'relay failed; retrying',
      'relay still failing',
      'relay still failing',
      'relay still failing',
      'relay recovered',
    ]);
    expect(lines.at(-1)).toMatchObject({ failures: 70, failingForMs: 350 });
  });
});
