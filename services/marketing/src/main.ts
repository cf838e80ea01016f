import './start-tracing';
import { readConfigOrExit, runDaprService } from '@checkout/service-kit';
import { daprCourseCatalogue } from './adapters/clients/dapr-course-catalogue';
import { marketingDatabase } from './adapters/db/marketing-database';
import { readMarketingConfig } from './config';
import { createMarketingService } from './marketing-service';

const config = readConfigOrExit('marketing', readMarketingConfig);

runDaprService({
  appId: 'marketing',
  database: marketingDatabase,
  create: (context) =>
    createMarketingService({
      ...context,
      ...config,
      courses: daprCourseCatalogue(context.sidecar),
    }),
});
