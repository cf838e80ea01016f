import {
  AddOutboxTraceparent,
  deadLetterMigration,
  type DatabaseModule,
} from '@checkout/service-kit';
import { LeadEntity } from './entities';
import { CreateMarketingTables } from './migrations/create-marketing-tables';
import { OneOpenLeadPerCourse } from './migrations/one-open-lead-per-course';

export const marketingDatabase: DatabaseModule = {
  schema: 'marketing',
  entities: [LeadEntity],
  migrations: [
    { name: '0001-create-marketing-tables', class: CreateMarketingTables },
    deadLetterMigration,
    { name: '0003-one-open-lead-per-course', class: OneOpenLeadPerCourse },
    { name: '0004-keep-outbox-traceparent', class: AddOutboxTraceparent },
  ],
};
