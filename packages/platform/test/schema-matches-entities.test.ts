import { migrateDatabase, openDatabase } from '@checkout/service-kit';
import { createTestDatabase } from '@checkout/test-kit';
import { databases, serviceNames } from '../src/services';

/**
 * The migrations are the schema's one source; the entities describe the same tables. After
 * migrating, MikroORM's schema diff has nothing to change: no column to retype, no index, key
 * or check to add or drop.
 */
describe.each(serviceNames)('the %s schema', (service) => {
  it('is exactly what its entities describe once migrated', async () => {
    const orm = await openDatabase(databases[service], await createTestDatabase(), 1);
    try {
      await migrateDatabase(orm);
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close();
    }
  });
});
