import {
  AddOutboxTraceparent,
  deadLetterMigration,
  type DatabaseModule,
} from '@checkout/service-kit';
import { EmailDeliveryEntity, SentEmailEntity } from './entities';
import { CreateEmailDeliveryTable } from './migrations/create-email-delivery-table';
import { CreateNotificationTables } from './migrations/create-notification-tables';
import { KeepEventOccurredAt } from './migrations/keep-event-occurred-at';
import { KeepEmailTraceparent } from './migrations/keep-email-traceparent';

export const notificationDatabase: DatabaseModule = {
  schema: 'notification',
  entities: [SentEmailEntity, EmailDeliveryEntity],
  migrations: [
    { name: '0001-create-notification-tables', class: CreateNotificationTables },
    deadLetterMigration,
    { name: '0003-create-email-delivery-table', class: CreateEmailDeliveryTable },
    { name: '0004-keep-event-occurred-at', class: KeepEventOccurredAt },
    { name: '0005-keep-outbox-traceparent', class: AddOutboxTraceparent },
    { name: '0006-keep-email-traceparent', class: KeepEmailTraceparent },
  ],
};
