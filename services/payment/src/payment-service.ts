import { ChargeRequested } from '@checkout/contracts';
import {
  createServiceRuntime,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { Router } from 'express';
import { createSimulatedAcquirerGateway } from './adapters/acquirer/simulated-acquirer-gateway';
import { createMikroOrmPaymentStore } from './adapters/db/mikro-orm-payment-store';
import { chargeCard } from './app/charge-card';
import type { CardVault } from './app/ports';

export interface PaymentDeps extends ServiceContext {
  vault: CardVault;
}

/** Payment has no public routes: it only reacts to charge requests. */
export function createPaymentService(deps: PaymentDeps): ServiceRuntime {
  return createServiceRuntime('payment', deps, (transactions) => {
    const chargeDeps = {
      store: createMikroOrmPaymentStore(deps.orm, transactions),
      vault: deps.vault,
      acquirer: createSimulatedAcquirerGateway(deps.orm),
    };
    subscribeTo(deps.bus, ChargeRequested, 'payment', deps.logger, async (event) => {
      await chargeCard(chargeDeps, event.id, event.data);
      return 'SUCCESS';
    });
    return { router: Router() };
  });
}
