import './start-tracing';
import { parseKeyRing, readConfigOrExit, runDaprService } from '@checkout/service-kit';
import { academicDatabase } from './adapters/db/academic-database';
import { createAcademicService } from './academic-service';
import { readAcademicConfig } from './config';

const config = readConfigOrExit('academic', readAcademicConfig);

runDaprService({
  appId: 'academic',
  database: academicDatabase,
  create: async (context) =>
    createAcademicService({
      ...context,
      ...config,
      activationTokenKeys: parseKeyRing(
        await context.secret('activation-token-keys'),
        'activation token keys',
      ),
    }),
});
