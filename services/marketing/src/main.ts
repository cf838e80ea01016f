import { runDaprService } from '@checkout/service-kit';
import { marketingDatabase } from './adapters/db/marketing-database';
import { createMarketingService } from './marketing-service';

runDaprService({
  appId: 'marketing',
  database: marketingDatabase,
  create: createMarketingService,
});
