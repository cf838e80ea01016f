import type { CardBrand } from '../domain/card';
import type { SealedCard } from '../domain/card-cipher';

export interface CardRecord {
  token: string;
  sealed: SealedCard;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  expiresAt: Date;
}

/** What others may learn of a card the vault still holds: what a receipt shows. */
export type ChargeableCard = Pick<CardRecord, 'brand' | 'last4'>;

/**
 * Where sealed cards live: a table now, the Dapr state store (with its TTL) in a cluster. What an
 * event does to a card (erase it, drop its CVC) is idempotent, so card-vault keeps no inbox: a
 * redelivered event does the same again, at the cost of one read, and no transaction is held
 * around a state-store call.
 */
export interface CardStore {
  save(record: CardRecord): Promise<void>;
  /** Only records not yet past their expiry. */
  find(token: string): Promise<CardRecord | undefined>;
  /** Replaces the sealed secret of a card, keeping its expiry. */
  reseal(token: string, sealed: SealedCard): Promise<void>;
  erase(token: string): Promise<void>;
  /** Deletes the cards past their expiry; a store whose backend expires them itself does nothing. */
  eraseExpired(now: Date): Promise<void>;
}
