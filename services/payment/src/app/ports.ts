import type { Inbox, Transaction } from '@checkout/service-kit';
import type { AcquirerAnswer } from '../domain/simulated-acquirer';

/** The card vault's reveal call, which only payment may make. */
export interface CardVault {
  revealCardNumber(token: string): Promise<string | undefined>;
}

export interface ChargeOrder {
  /** One key per (checkout, attempt): the acquirer charges once per key, whatever is retried. */
  idempotencyKey: string;
  /** The merchant's reference for the charge: the checkout id. */
  reference: string;
  attempt: number;
  cardNumber: string;
  /** The total, which the card is charged in `installments` monthly installments. */
  amountCents: number;
  currency: 'BRL';
  installments: number;
}

/** The card network's gateway, as a real one behaves: idempotent by key, and queryable by it. */
export interface Acquirer {
  /** Charges the card, unless this key was charged before: then the first answer again. */
  charge(order: ChargeOrder): Promise<AcquirerAnswer>;
  /** The answer already given for this key, if any. */
  findCharge(idempotencyKey: string): Promise<AcquirerAnswer | undefined>;
}

export interface RefundOrder {
  /** One key per checkout: the provider refunds once per key, whatever is retried. */
  idempotencyKey: string;
  /** The merchant's reference for the charge: the checkout id. */
  reference: string;
  paymentMethod: 'card' | 'pix';
  amountCents: number;
  currency: 'BRL';
}

/** Who gives a charge's money back: the acquirer for a card, the PIX provider for a PIX payment. */
export interface Refunds {
  /** Refunds unless this key was refunded before; either way, when the refund was made. */
  refund(order: RefundOrder): Promise<{ refundedAt: Date }>;
}

export interface AttemptRecord {
  checkoutId: string;
  attempt: number;
  answer: AcquirerAnswer;
}

export interface PaymentTransaction {
  /** Keeps the first answer recorded for an attempt and returns it; a later one is ignored. */
  recordAttempt(record: AttemptRecord): Promise<AcquirerAnswer>;
  publish: Transaction['publish'];
}

export interface PaymentStore extends Inbox<PaymentTransaction> {
  findAttempt(checkoutId: string, attempt: number): Promise<AcquirerAnswer | undefined>;
}
