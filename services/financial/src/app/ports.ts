import type { ApiSchemas, Language } from '@checkout/contracts';
import type { Inbox, Transaction } from '@checkout/service-kit';
import type { CardSummary, ChargeAttemptRecord, Checkout, Contact } from '../domain/checkout';
import type { Coupon } from '../domain/coupon';
import type { InstallmentPlan } from '../domain/installments';
import type { Payer } from '../domain/payer';

export interface Course {
  id: string;
  title: string;
  priceCents: number;
  currency: 'BRL';
  installmentPlan: InstallmentPlan;
}

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: ApiSchemas['Checkout'];
}

/** Where a page of sales ended: its last sale's approval and id. */
export interface SalePosition {
  decidedAt: Date;
  id: string;
}

/** Why a new checkout cannot be added: what already holds its card token or its purchase. */
export type CheckoutConflict =
  | { reason: 'card_token_used' }
  | { reason: 'already_enrolled' }
  | { reason: 'checkout_in_progress'; checkoutId: string };

export interface FinancialTransaction {
  /**
   * Keeps `response` as the answer under the key, unless the key has one already: then false. A
   * request carrying the same key meanwhile waits until this transaction ends.
   */
  claimIdempotencyKey(key: string, response: StoredResponse): Promise<boolean>;
  /** Gives up this transaction's claim: its request was refused after all, and keeps no answer. */
  releaseIdempotencyKey(key: string): Promise<void>;
  findStoredResponse(key: string): Promise<StoredResponse | undefined>;
  /**
   * Adds the checkout unless its card token backs another checkout, or its lead already has one
   * for the course that is approved or processing; a concurrent request waits for the other to end.
   */
  addCheckout(checkout: Checkout): Promise<CheckoutConflict | undefined>;
  /**
   * Takes one of the coupon's uses if one is left: false when none is. A concurrent taker waits
   * for this transaction to end, so the last use is taken once.
   */
  takeCouponUse(code: string): Promise<boolean>;
  /** Gives back a use this transaction took, for a checkout it did not add after all. */
  giveBackCouponUse(code: string): Promise<void>;
  /**
   * Gives the use the checkout's coupon took back, once: false when the checkout has no coupon or
   * gave its use back already.
   */
  releaseCouponUse(checkoutId: string, at: Date): Promise<boolean>;
  /** Keeps the payer of a checkout just added. */
  addPayer(checkoutId: string, payer: Payer): Promise<void>;
  /** Undefined for checkouts taken before payers were kept. */
  findPayer(checkoutId: string): Promise<Payer | undefined>;
  /** Records payment's answer for an attempt once: a repeated answer for it changes nothing. */
  recordAttempt(checkoutId: string, attempt: ChargeAttemptRecord): Promise<void>;
  /**
   * The checkout whose refund was first asked for under this Idempotency-Key, if any, with the key
   * held until the transaction ends: two requests under one key take turns.
   */
  lockRefundKey(key: string): Promise<string | undefined>;
  /** Records the seller's refund request, under the key it came with. */
  markRefundRequested(id: string, key: string, at: Date): Promise<void>;
  /** The checkout, held until commit: answers for it are applied one after the other. */
  lockCheckout(id: string): Promise<Checkout | undefined>;
  updateCheckout(id: string, changes: Partial<Checkout>): Promise<void>;
  /**
   * Processing card checkouts unchanged since `updatedBefore`, locked; rows others hold are
   * skipped. A PIX checkout waits for its payer, not for payment, and is not among them.
   */
  claimStuckCheckouts(updatedBefore: Date, limit: number): Promise<Checkout[]>;
  /** Processing PIX checkouts whose charge expired before `now`, locked; held rows are skipped. */
  claimExpiredPixCheckouts(now: Date, limit: number): Promise<Checkout[]>;
  publish: Transaction['publish'];
}

export interface FinancialStore extends Inbox<FinancialTransaction> {
  listCourses(): Promise<Course[]>;
  findCourse(id: string): Promise<Course | undefined>;
  findStoredResponse(key: string): Promise<StoredResponse | undefined>;
  /** By its normalised code. */
  findCoupon(code: string): Promise<Coupon | undefined>;
  /** Every coupon with its uses, newest first. */
  listCoupons(): Promise<Coupon[]>;
  /** Adds a coupon unless one has its code: then false. */
  addCoupon(coupon: Coupon): Promise<boolean>;
  findCheckout(id: string): Promise<Checkout | undefined>;
  /** Whether a checkout was made with this card token (the vault forgets it once charged). */
  isCardTokenUsed(cardToken: string): Promise<boolean>;
  /**
   * For the lead and for the client: when the `nth` latest of its checkouts declined since
   * `since` was declined; undefined when fewer were. Both in one read.
   */
  nthLatestDeclines(
    of: { leadId: string; clientKey: string },
    nth: { perLead: number; perClient: number },
    since: Date,
  ): Promise<{ lead?: Date; client?: Date }>;
  /**
   * Approved and refunded checkouts, newest approval first, from just after `after` (a page's
   * last sale) when given.
   */
  listSales(limit: number, after?: SalePosition): Promise<Checkout[]>;
  /** The checkout's attempts as payment answered them, oldest first. */
  listAttempts(checkoutId: string): Promise<ChargeAttemptRecord[]>;
  transaction<R>(work: (tx: FinancialTransaction) => Promise<R>): Promise<R>;
}

/** Marketing's leads, as financial needs them: the contact, and the language they chose if any. */
export interface LeadDirectory {
  findLead(id: string): Promise<(Contact & { language?: Language }) | undefined>;
}

/**
 * The card vault, asked whether a token can still be charged: the brand and last four digits of
 * the card if so (what the receipt shows), never the card itself.
 */
export interface CardDirectory {
  findChargeableCard(token: string): Promise<CardSummary | undefined>;
}
