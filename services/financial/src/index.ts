export { financialDatabase } from './adapters/db/financial-database';
export type { CardDirectory, LeadDirectory } from './app/ports';
export { createFinancialService } from './financial-service';
