import type { DeclineReason, Language } from '@checkout/contracts';
import type { InstallmentOption } from './installments';

/** `refunded`: approved, then the seller gave the money back. */
export type CheckoutStatus = 'processing' | 'approved' | 'declined' | 'refunded';

export interface Contact {
  name: string;
  email: string;
}

/** What a receipt may show of the card: the vault tells nothing more. */
export interface CardSummary {
  brand: string;
  last4: string;
}

export type ChargeOutcome = 'approved' | 'declined' | 'gateway_error';

/** One answer payment gave for a charge attempt, as the checkout's history shows it. */
export interface ChargeAttemptRecord {
  number: number;
  outcome: ChargeOutcome;
  declineReason?: DeclineReason;
  at: Date;
}

export type PaymentMethod = 'card' | 'pix';

/** A PIX charge: the BR Code the payer pays, its txid (how the payment names it), its expiry. */
export interface PixCharge {
  txid: string;
  brCode: string;
  expiresAt: Date;
}

export interface Checkout {
  id: string;
  leadId: string;
  courseId: string;
  courseTitle: string;
  paymentMethod: PaymentMethod;
  /** The card charged; absent when paid by PIX. */
  cardToken?: string;
  /** The charge the payer pays by PIX; absent when paid by card. */
  pix?: PixCharge;
  /** The total charged: the price (less a coupon's discount), with interest in installments. */
  amountCents: number;
  currency: 'BRL';
  /** How the total is paid: one installment when the buyer chose none. */
  installments: Installments;
  /** The coupon the buyer named, and what it took off the course price. */
  coupon?: CheckoutCoupon;
  status: CheckoutStatus;
  declineReason?: DeclineReason;
  attempts: number;
  /** How often the current attempt was requested again because no answer came. */
  recoveries: number;
  student: Contact;
  payer: Contact;
  /** Absent on checkouts taken before the vault told brand and last four digits. */
  card?: CardSummary;
  /** The buyer's language, from the lead; absent, e-mails use the platform default. */
  language?: Language;
  createdAt: Date;
  /** When the charge became final; absent while processing. */
  decidedAt?: Date;
  /**
   * The client address the checkout came from, hashed: declines are counted by it. Absent on
   * checkouts taken before it was kept.
   */
  clientKey?: string;
  /** When the seller asked for a refund; absent when they did not. */
  refundRequestedAt?: Date;
  /** When the money went back to the payer. */
  refundedAt?: Date;
}

export interface CheckoutCoupon {
  code: string;
  discountCents: number;
}

/** The installments a checkout keeps: the total is its `amountCents`. */
export type Installments = Pick<
  InstallmentOption,
  'count' | 'installmentCents' | 'lastInstallmentCents'
>;

/** What happens after an attempt: a final answer, or another attempt after a pause. */
export type NextStep =
  | { kind: 'approve' }
  | { kind: 'decline'; reason: DeclineReason }
  | { kind: 'retry'; attempt: number; delayMs: number };

export const maxChargeAttempts = 4;
const firstRetryDelayMs = 500;

export function nextStepAfterAttempt(
  attempt: number,
  outcome: ChargeOutcome,
  declineReason: DeclineReason = 'card_declined',
): NextStep {
  if (outcome === 'approved') return { kind: 'approve' };
  if (outcome === 'declined') return { kind: 'decline', reason: declineReason };
  if (attempt >= maxChargeAttempts) return { kind: 'decline', reason: 'processing_error' };
  return { kind: 'retry', attempt: attempt + 1, delayMs: firstRetryDelayMs * 2 ** (attempt - 1) };
}

/**
 * What to do with a checkout whose attempt got no answer in time: ask again, and after a few
 * times make it the last call, on which payment answers without charging a card it never charged.
 */
export type StuckChargeStep = { kind: 'request-again' | 'last-call'; attempt: number };

export const maxChargeRecoveries = 3;

export function nextStepForStuckCharge(
  checkout: Pick<Checkout, 'attempts' | 'recoveries'>,
): StuckChargeStep {
  // The same attempt number keeps the acquirer's idempotency key: asking again never charges twice.
  const kind = checkout.recoveries < maxChargeRecoveries ? 'request-again' : 'last-call';
  return { kind, attempt: checkout.attempts };
}
