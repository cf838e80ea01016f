import { parseKeyRing, runDaprService } from '@checkout/service-kit';
import { academicDatabase } from './adapters/db/academic-database';
import { createAcademicService } from './academic-service';

runDaprService({
  appId: 'academic',
  database: academicDatabase,
  create: async (context) =>
    createAcademicService({
      ...context,
      activationTokenKeys: parseKeyRing(
        await context.secret('activation-token-keys'),
        'activation token keys',
      ),
    }),
});
