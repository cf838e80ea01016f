import { ChargeRequested } from '@checkout/contracts';
import {
  createServiceRuntime,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { createSimulatedAcquirerGateway } from './adapters/acquirer/simulated-acquirer-gateway';
import { createSqlPaymentStore } from './adapters/db/sql-payment-store';
import { chargeCard } from './app/charge-card';
import type { CardVault } from './app/ports';

export interface PaymentDeps extends ServiceContext {
  vault: CardVault;
}

/**
 * The names payment's inbox records handled events under. Never change one: under a new name,
 * every event delivered again (a redelivery, a replayed dead letter) would be handled twice.
 */
const inbox = { chargeCard: 'payment.charge-card' } as const;

/** Payment has no public routes: it only reacts to charge requests. */
export function createPaymentService(deps: PaymentDeps): ServiceRuntime {
  return createServiceRuntime('payment', deps, (transactions) => {
    const chargeDeps = {
      store: createSqlPaymentStore(deps.orm, transactions),
      vault: deps.vault,
      acquirer: createSimulatedAcquirerGateway(deps.orm),
    };
    const subscriber = { service: 'payment', inbox: inbox.chargeCard };
    subscribeTo(deps.bus, ChargeRequested, subscriber, deps.logger, async (event) => {
      await chargeCard(chargeDeps, event);
      return 'SUCCESS';
    });
    return {};
  });
}
