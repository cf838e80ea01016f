import type { EnvironmentReader } from '@checkout/service-kit';
import { withdrawalDays } from './domain/refund';

/** Financial settings from the environment; read by both composition roots. */
export function readFinancialConfig(env: EnvironmentReader) {
  return {
    /** A charge with no answer for this long is driven on by the sweeper. */
    chargeStuckAfterMs: env.integer('CHARGE_STUCK_AFTER_SECONDS', 120) * 1000,
    /** POST /checkouts allowed per client address and per lead in each window. */
    checkoutLimits: {
      perClient: env.integer('CHECKOUTS_PER_CLIENT', 30),
      perLead: env.integer('CHECKOUTS_PER_LEAD', 10),
      windowSeconds: env.integer('CHECKOUT_LIMIT_WINDOW_SECONDS', 600),
    },
    /** No coupon takes a course price below this, in cents (R$ 5,00 by default). */
    couponPriceFloorCents: env.integer('COUPON_PRICE_FLOOR_CENTS', 500),
    /**
     * How many days after approval the seller still refunds: never fewer than the buyer's legal
     * 7 days of withdrawal (CDC art. 49).
     */
    refundWindowDays: env.integer('REFUND_WINDOW_DAYS', withdrawalDays, withdrawalDays),
    /** Who a PIX payment goes to, as the payer's bank shows it, and how long a charge is open. */
    pix: {
      pixKey: env.string('PIX_KEY', 'pix@cursos.example.com'),
      merchantName: env.string('PIX_MERCHANT_NAME', 'Escola de Cursos Ltda'),
      merchantCity: env.string('PIX_MERCHANT_CITY', 'Sao Paulo'),
      expiryMs: env.integer('PIX_EXPIRY_SECONDS', 1800) * 1000,
    },
    /** Declined checkouts a lead or a client address may have in a window before more are refused. */
    declineLimits: {
      perLead: env.integer('DECLINES_PER_LEAD', 3),
      perClient: env.integer('DECLINES_PER_CLIENT', 3),
      windowSeconds: env.integer('DECLINE_WINDOW_SECONDS', 3600),
    },
  };
}
