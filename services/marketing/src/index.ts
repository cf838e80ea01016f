export { marketingDatabase } from './adapters/db/marketing-database';
export { readMarketingConfig } from './config';
export { createMarketingService, type MarketingService } from './marketing-service';
