export { marketingDatabase } from './adapters/db/marketing-database';
export { createMarketingService, type MarketingService } from './marketing-service';
