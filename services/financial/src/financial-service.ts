import { ChargeAttempted, ChargeRefunded, type ApiSchemas } from '@checkout/contracts';
import {
  createServiceRuntime,
  BackgroundLoop,
  businessMetrics,
  rateLimit,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { createSqlFinancialStore } from './adapters/db/sql-financial-store';
import { Router } from 'express';
import { createAdminRouter } from './adapters/http/admin-router';
import { createFinancialRouter } from './adapters/http/financial-router';
import { createFinancialInternalRouter } from './adapters/http/internal-router';
import { overdueCheckoutsGauge } from './adapters/metrics/overdue-checkouts-gauge';
import type { CardDirectory, Course, LeadDirectory } from './app/ports';
import { declineExpiredPixCharges } from './app/decline-expired-pix-charges';
import { recordChargeAttempt } from './app/record-charge-attempt';
import { recordRefund } from './app/record-refund';
import { recoverStuckCharges } from './app/recover-stuck-charges';
import type { PixSettings } from './app/open-pix-charge';
import type { DeclineLimits } from './app/wait-before-another-card';

export interface FinancialDeps extends ServiceContext {
  leads: LeadDirectory;
  cards: CardDirectory;
  /** A charge with no answer for this long is stuck (CHARGE_STUCK_AFTER_SECONDS). */
  chargeStuckAfterMs: number;
  /** POST /checkouts allowed per client address (req.ip) and per lead in each window. */
  checkoutLimits: { perClient: number; perLead: number; windowSeconds: number };
  declineLimits: DeclineLimits;
  /** No coupon takes a price below this (COUPON_PRICE_FLOOR_CENTS). */
  couponPriceFloorCents: number;
  /** What a seller sends as a bearer token to reach /api/v1/admin (secret `seller-api-key`). */
  sellerApiKey: string;
  /** How many days after approval the seller still refunds (REFUND_WINDOW_DAYS, 7 or more). */
  refundWindowDays: number;
  pix: PixSettings;
}

/**
 * The names financial's inbox records handled events under. Never change one: under a new name,
 * every event delivered again (a redelivery, a replayed dead letter) would be handled twice.
 */
const inbox = {
  recordChargeAttempt: 'financial.record-charge-attempt',
  recordRefund: 'financial.record-refund',
} as const;

export interface FinancialService extends ServiceRuntime {
  /** A course of the catalogue, for marketing; in a cluster a Dapr invocation. */
  findCourse(id: string): Promise<Course | undefined>;
}

export function createFinancialService(deps: FinancialDeps): FinancialService {
  return createServiceRuntime('financial', deps, (transactions) => {
    const store = createSqlFinancialStore(deps.orm, transactions);
    const logger = deps.logger;
    const subscriber = { service: 'financial', inbox: inbox.recordChargeAttempt };
    subscribeTo(deps.bus, ChargeAttempted, subscriber, logger, async (event) => {
      const decision = await recordChargeAttempt({ store, logger }, event);
      if (decision) businessMetrics.checkoutDecided('financial', decision);
      return 'SUCCESS';
    });
    const refundSubscriber = { service: 'financial', inbox: inbox.recordRefund };
    subscribeTo(deps.bus, ChargeRefunded, refundSubscriber, logger, async (event) => {
      await recordRefund(store, event);
      return 'SUCCESS';
    });
    // Looks a few times per threshold, so a stuck charge moves on soon after it becomes stuck.
    const sweepEveryMs = Math.min(Math.max(deps.chargeStuckAfterMs / 4, 1000), 30_000);
    const sweeper = new BackgroundLoop(
      'stuck-charge sweeper',
      () => recoverStuckCharges({ store, logger }, deps.chargeStuckAfterMs),
      logger.child({ component: 'stuck-charge-sweeper' }),
      sweepEveryMs,
    );
    // Looks a few times per expiry, and at least twice a minute, so a payer hears soon.
    const pixSweeper = new BackgroundLoop(
      'expired PIX charge sweeper',
      () => declineExpiredPixCharges({ store, logger }).then(() => undefined),
      logger.child({ component: 'expired-pix-sweeper' }),
      Math.min(Math.max(deps.pix.expiryMs / 4, 1000), 30_000),
    );
    const { perClient, perLead, windowSeconds } = deps.checkoutLimits;
    const checkoutLimits = {
      perClient: rateLimit(
        deps.orm,
        { name: 'checkouts-client', points: perClient, windowSeconds },
        (req) => String(req.ip),
      ),
      perLead: rateLimit(
        deps.orm,
        { name: 'checkouts-lead', points: perLead, windowSeconds },
        (req) => (req.body as ApiSchemas['CheckoutRequest']).leadId,
      ),
    };
    return {
      router: Router().use(
        createFinancialRouter({
          store,
          leads: deps.leads,
          cards: deps.cards,
          declineLimits: deps.declineLimits,
          couponPriceFloorCents: deps.couponPriceFloorCents,
          pix: deps.pix,
          checkoutLimits,
        }),
        createAdminRouter({
          store,
          sellerApiKey: deps.sellerApiKey,
          refundWindowDays: deps.refundWindowDays,
        }),
      ),
      internalRouter: createFinancialInternalRouter(store),
      jobs: [sweeper, pixSweeper, overdueCheckoutsGauge(deps.orm, deps.chargeStuckAfterMs)],
      findCourse: (id: string) => store.findCourse(id),
    };
  });
}
