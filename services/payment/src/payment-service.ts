import { ChargeRequested, PixChargeOpened, RefundRequested } from '@checkout/contracts';
import {
  createServiceRuntime,
  subscribeTo,
  type KeyRing,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { createSimulatedAcquirerGateway } from './adapters/acquirer/simulated-acquirer-gateway';
import { createSimulatedRefunds } from './adapters/acquirer/simulated-refunds';
import { createSqlPaymentStore } from './adapters/db/sql-payment-store';
import { createSqlPixChargeStore } from './adapters/db/sql-pix-charge-store';
import { createPixWebhookRouter } from './adapters/http/pix-webhook-router';
import { keepPixCharge } from './app/keep-pix-charge';
import { chargeCard } from './app/charge-card';
import { refundCharge } from './app/refund-charge';
import type { CardVault } from './app/ports';

export interface PaymentDeps extends ServiceContext {
  vault: CardVault;
  /** The secrets shared with the PIX provider, which signs its webhooks with the current one. */
  pixWebhookKeys: KeyRing;
}

/**
 * The names payment's inbox records handled events under. Never change one: under a new name,
 * every event delivered again (a redelivery, a replayed dead letter) would be handled twice.
 */
const inbox = {
  chargeCard: 'payment.charge-card',
  keepPixCharge: 'payment.keep-pix-charge',
  refundCharge: 'payment.refund-charge',
} as const;

/**
 * Payment owns what is said to and heard from payment networks: it charges cards and refunds
 * charges when asked, and its one public route is the PIX provider's webhook, which reports PIX charges paid.
 */
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
    const pixCharges = createSqlPixChargeStore(transactions);
    const pixSubscriber = { service: 'payment', inbox: inbox.keepPixCharge };
    subscribeTo(deps.bus, PixChargeOpened, pixSubscriber, deps.logger, async (event) => {
      await keepPixCharge(pixCharges, event);
      return 'SUCCESS';
    });
    const refundDeps = { store: chargeDeps.store, refunds: createSimulatedRefunds(deps.orm) };
    const refundSubscriber = { service: 'payment', inbox: inbox.refundCharge };
    subscribeTo(deps.bus, RefundRequested, refundSubscriber, deps.logger, async (event) => {
      await refundCharge(refundDeps, event);
      return 'SUCCESS';
    });
    const webhookKeys = deps.pixWebhookKeys;
    return {
      router: createPixWebhookRouter({ store: pixCharges, logger: deps.logger, webhookKeys }),
    };
  });
}
