import { deadLetterMigration, type DatabaseModule } from '@checkout/service-kit';
import { SentEmailEntity } from './entities';
import { CreateNotificationTables } from './migrations/create-notification-tables';

export const notificationDatabase: DatabaseModule = {
  schema: 'notification',
  entities: [SentEmailEntity],
  migrations: [
    { name: '0001-create-notification-tables', class: CreateNotificationTables },
    deadLetterMigration,
  ],
};
