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

/**
 * The names marketing's inbox records handled events under. Never change one: under a new name,
 * every event delivered again (a redelivery, a replayed dead letter) would be handled twice.
 */
const inbox = { convertLead: 'marketing.convert-lead' } as const;

export function createMarketingService(deps: ServiceContext): MarketingService {
  return createServiceRuntime('marketing', deps, (transactions) => {
    const store = createMikroOrmLeadStore(deps.orm, transactions);
    const subscriber = { service: 'marketing', inbox: inbox.convertLead };
    subscribeTo(deps.bus, CheckoutApproved, subscriber, deps.logger, async (event) => {
      await convertLeadOnCheckoutApproved(store, event);
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
