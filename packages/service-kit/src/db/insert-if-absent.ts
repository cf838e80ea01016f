import type { EntityName, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Inserts the row unless one with the same key exists; true when this call inserted it. */
export async function insertIfAbsent<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  row: RequiredEntityData<T>,
): Promise<boolean> {
  await em.flush();
  const result = await em
    .createQueryBuilder(entity)
    .insert(row)
    .onConflict()
    .ignore()
    .execute<{ affectedRows: number }>('run');
  return result.affectedRows > 0;
}
