import {
  AddOutboxTraceparent,
  CreateRateLimitTable,
  deadLetterMigration,
  RateLimitCounter,
  type DatabaseModule,
} from '@checkout/service-kit';
import { ActivationEntity, EnrollmentEntity, SessionEntity, StudentEntity } from './entities';
import { AddStudentLanguage } from './migrations/add-student-language';
import { CreateAcademicTables } from './migrations/create-academic-tables';
import { RevokeRefundedEnrollments } from './migrations/revoke-refunded-enrollments';

export const academicDatabase: DatabaseModule = {
  schema: 'academic',
  entities: [StudentEntity, EnrollmentEntity, ActivationEntity, SessionEntity, RateLimitCounter],
  migrations: [
    { name: '0001-create-academic-tables', class: CreateAcademicTables },
    deadLetterMigration,
    { name: '0003-add-student-language', class: AddStudentLanguage },
    { name: '0004-create-rate-limit-table', class: CreateRateLimitTable },
    { name: '0005-keep-outbox-traceparent', class: AddOutboxTraceparent },
    { name: '0006-revoke-refunded-enrollments', class: RevokeRefundedEnrollments },
  ],
};
