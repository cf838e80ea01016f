export { financialDatabase } from './adapters/db/financial-database';
export type { CardDirectory, LeadDirectory } from './app/ports';
export { readFinancialConfig } from './config';
export { createFinancialService, type FinancialService } from './financial-service';
export { txidOf } from './domain/br-code';
