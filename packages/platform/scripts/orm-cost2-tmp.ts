import { randomUUID } from 'node:crypto';
import { financialDatabase } from '@checkout/financial';
import { openDatabase, InboxEntry, insertIfAbsent } from '@checkout/service-kit';
const url = 'postgres://checkout:checkout@127.0.0.1:5432/bench';
async function time(name: string, n: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 100; i++) await f();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await f();
  const c = process.cpuUsage(c0);
  console.log(name.padEnd(45), ((c.user + c.system) / n).toFixed(0), 'µs CPU/call');
}
async function main() {
  const orm = await openDatabase(financialDatabase, url);
  const row = () => ({ eventId: randomUUID(), consumer: 'x', handledAt: new Date() });
  await time('tx + em.create + flush', 1000, () => orm.em.fork().transactional(async (em) => { em.create(InboxEntry, row()); }));
  await time('tx + insertIfAbsent (QB)', 1000, () => orm.em.fork().transactional(async (em) => { await insertIfAbsent(em as any, InboxEntry, row()); }));
  await time('tx + em.execute insert', 1000, () => orm.em.fork().transactional(async (em) => { const r = row(); await em.execute('insert into financial.inbox_entry (event_id, consumer, handled_at) values (?, ?, ?) on conflict do nothing', [r.eventId, r.consumer, r.handledAt], 'run'); }));
  await time('tx + em.insert native', 1000, () => orm.em.fork().transactional(async (em) => { await em.insert(InboxEntry, row()); }));
  await time('tx empty', 1000, () => orm.em.fork().transactional(async () => {}));
  const knex = orm.em.getKnex();
  await time('knex trx + raw insert', 1000, () => knex.transaction(async (trx) => { const r = row(); await trx.raw('insert into financial.inbox_entry (event_id, consumer, handled_at) values (?, ?, ?) on conflict do nothing', [r.eventId, r.consumer, r.handledAt]); }));
  await time('pg client BEGIN insert COMMIT', 1000, async () => { const c = await (knex.client as any).acquireConnection(); const r = row(); try { await c.query('BEGIN'); await c.query('insert into financial.inbox_entry (event_id, consumer, handled_at) values ($1, $2, $3) on conflict do nothing', [r.eventId, r.consumer, r.handledAt]); await c.query('COMMIT'); } finally { await (knex.client as any).releaseConnection(c); } });
  await orm.close();
}
main();
