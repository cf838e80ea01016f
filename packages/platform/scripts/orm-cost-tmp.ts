import { financialDatabase } from '@checkout/financial';
import { openDatabase } from '@checkout/service-kit';
import pg from 'pg';
const url = 'postgres://checkout:checkout@127.0.0.1:5432/bench';
async function time(name: string, n: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f();
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  const c = process.cpuUsage(c0);
  console.log(name.padEnd(40), ((c.user + c.system) / n).toFixed(0), 'µs CPU/call', ((performance.now() - t0) * 1000 / n).toFixed(0), 'µs wall');
}
async function main() {
  const orm = await openDatabase(financialDatabase, url);
  const entity = financialDatabase.entities.find((e) => (e as any).meta.className === 'CourseEntity' || (e as any).meta.tableName === 'course')!;
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  await time('pg pool.query param', 2000, () => pool.query('select * from financial.course where id = $1', ['x']));
  await time('orm em.execute raw', 2000, () => orm.em.fork().execute('select * from financial.course where id = ?', ['x']));
  const knex = orm.em.getKnex();
  await time('knex raw', 2000, () => knex.raw('select * from financial.course where id = ?', ['x']));
  await time('knex client acquire + pg query', 2000, async () => { const c = await (knex.client as any).acquireConnection(); await c.query('select * from financial.course where id = $1', ['x']); await (knex.client as any).releaseConnection(c); });
  await time('orm em.fork().findOne', 2000, () => orm.em.fork().findOne(entity as any, { id: 'x' }));
  await time('orm transactional + insert inbox QB', 1000, () => orm.em.fork().transactional(async (em) => { await em.execute('select 1'); }));
  await time('pg BEGIN/select/COMMIT', 1000, async () => { const c = await pool.connect(); await c.query('BEGIN'); await c.query('select 1'); await c.query('COMMIT'); c.release(); });
  await orm.close(); await pool.end();
}
main();
