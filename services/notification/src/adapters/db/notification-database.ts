import {
  AddOutboxTraceparent,
  deadLetterMigration,
  type DatabaseModule,
} from '@checkout/service-kit';
import { EmailDeliveryEntity, SentEmailEntity } from './entities';
import { CreateEmailDeliveryTable } from './migrations/create-email-delivery-table';
import { CreateNotificationTables } from './migrations/create-notification-tables';
import { KeepEmailTraceparent } from './migrations/keep-email-traceparent';

export const notificationDatabase: DatabaseModule = {
  schema: 'notification',
  entities: [SentEmailEntity, EmailDeliveryEntity],
  migrations: [
    { name: '0001-create-notification-tables', class: CreateNotificationTables },
    deadLetterMigration,
    { name: '0003-create-email-delivery-table', class: CreateEmailDeliveryTable },
    { name: '0004-keep-outbox-traceparent', class: AddOutboxTraceparent },
    { name: '0005-keep-email-traceparent', class: KeepEmailTraceparent },
  ],
};
