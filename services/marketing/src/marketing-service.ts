import { CheckoutApproved } from '@checkout/contracts';
import {
  createServiceRuntime,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { createMikroOrmLeadStore } from './adapters/db/mikro-orm-lead-store';
import { createMarketingInternalRouter } from './adapters/http/internal-router';
import { createMarketingRouter } from './adapters/http/marketing-router';
import { convertLeadOnCheckoutApproved } from './app/convert-lead-on-checkout-approved';

export interface MarketingService extends ServiceRuntime {
  /** The lead's contact, for financial; in a cluster a Dapr invocation. */
  findLeadContact(id: string): Promise<{ name: string; email: string } | undefined>;
}

export function createMarketingService(deps: ServiceContext): MarketingService {
  return createServiceRuntime('marketing', deps, (transactions) => {
    const store = createMikroOrmLeadStore(deps.orm, transactions);
    subscribeTo(deps.bus, CheckoutApproved, 'marketing', deps.logger, async (event) => {
      await convertLeadOnCheckoutApproved(store, event.id, event.data.leadId);
      return 'SUCCESS';
    });
    return {
      router: createMarketingRouter(store),
      internalRouter: createMarketingInternalRouter(store),
      findLeadContact: async (id: string) => {
        const lead = await store.find(id);
        return lead && { name: lead.name, email: lead.email };
      },
    };
  });
}
