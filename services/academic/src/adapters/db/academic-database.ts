import { deadLetterMigration, type DatabaseModule } from '@checkout/service-kit';
import { ActivationEntity, EnrollmentEntity, SessionEntity, StudentEntity } from './entities';
import { CreateAcademicTables } from './migrations/create-academic-tables';

export const academicDatabase: DatabaseModule = {
  schema: 'academic',
  entities: [StudentEntity, EnrollmentEntity, ActivationEntity, SessionEntity],
  migrations: [
    { name: '0001-create-academic-tables', class: CreateAcademicTables },
    deadLetterMigration,
  ],
};
