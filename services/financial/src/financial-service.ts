import { ChargeAttempted } from '@checkout/contracts';
import {
  createServiceRuntime,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { createMikroOrmFinancialStore } from './adapters/db/mikro-orm-financial-store';
import { createFinancialRouter } from './adapters/http/financial-router';
import type { CardDirectory, LeadDirectory } from './app/ports';
import { recordChargeAttempt } from './app/record-charge-attempt';

export interface FinancialDeps extends ServiceContext {
  leads: LeadDirectory;
  cards: CardDirectory;
}

export function createFinancialService(deps: FinancialDeps): ServiceRuntime {
  return createServiceRuntime('financial', deps, (transactions) => {
    const store = createMikroOrmFinancialStore(deps.orm, transactions);
    subscribeTo(deps.bus, ChargeAttempted, 'financial', deps.logger, async (event) => {
      await recordChargeAttempt(store, event.id, event.data);
      return 'SUCCESS';
    });
    return { router: createFinancialRouter({ store, leads: deps.leads, cards: deps.cards }) };
  });
}
