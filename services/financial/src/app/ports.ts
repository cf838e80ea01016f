import type { ApiSchemas } from '@checkout/contracts';
import type { Inbox, Transaction } from '@checkout/service-kit';
import type { Checkout, Contact } from '../domain/checkout';

export interface Course {
  id: string;
  title: string;
  priceCents: number;
  currency: 'BRL';
}

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: ApiSchemas['Checkout'];
}

/** Why a new checkout cannot be added: what already holds its card token or its purchase. */
export type CheckoutConflict =
  | { reason: 'card_token_used' }
  | { reason: 'already_enrolled' }
  | { reason: 'checkout_in_progress'; checkoutId: string };

export interface FinancialTransaction {
  /** Serialises requests that carry the same key until this transaction ends. */
  lockIdempotencyKey(key: string): Promise<void>;
  findStoredResponse(key: string): Promise<StoredResponse | undefined>;
  storeResponse(key: string, response: StoredResponse): void;
  /**
   * Adds the checkout unless its card token backs another checkout, or its lead already has one
   * for the course that is approved or processing; a concurrent request waits for the other to end.
   */
  addCheckout(checkout: Checkout): Promise<CheckoutConflict | undefined>;
  findCheckout(id: string): Promise<Checkout | undefined>;
  updateCheckout(id: string, changes: Partial<Checkout>): Promise<void>;
  /** Processing checkouts unchanged since `updatedBefore`, locked; rows others hold are skipped. */
  claimStuckCheckouts(updatedBefore: Date, limit: number): Promise<Checkout[]>;
  publish: Transaction['publish'];
}

export interface FinancialStore extends Inbox<FinancialTransaction> {
  listCourses(): Promise<Course[]>;
  findCourse(id: string): Promise<Course | undefined>;
  findStoredResponse(key: string): Promise<StoredResponse | undefined>;
  findCheckout(id: string): Promise<Checkout | undefined>;
  transaction<R>(work: (tx: FinancialTransaction) => Promise<R>): Promise<R>;
}

/** Marketing's leads, as financial needs them. */
export interface LeadDirectory {
  findLead(id: string): Promise<Contact | undefined>;
}

/** The card vault, asked whether a token can still be charged (never for the card itself). */
export interface CardDirectory {
  isChargeable(token: string): Promise<boolean>;
}
