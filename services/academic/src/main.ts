import { runDaprService } from '@checkout/service-kit';
import { academicDatabase } from './adapters/db/academic-database';
import { createAcademicService } from './academic-service';

runDaprService({
  appId: 'academic',
  database: academicDatabase,
  create: createAcademicService,
});
