import { parseTokenKeyRing, runDaprService } from '@checkout/service-kit';
import { academicDatabase } from './adapters/db/academic-database';
import { createAcademicService } from './academic-service';

runDaprService({
  appId: 'academic',
  database: academicDatabase,
  create: async (context) =>
    createAcademicService({
      ...context,
      activationTokenKeys: parseTokenKeyRing(await context.secret('activation-token-keys')),
    }),
});
