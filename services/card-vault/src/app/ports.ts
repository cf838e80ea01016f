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

/** Where sealed cards live: a table now, the Dapr state store (with its TTL) in a cluster. */
export interface CardStore {
  save(record: CardRecord): Promise<void>;
  /** Only records not yet past their expiry. */
  find(token: string): Promise<CardRecord | undefined>;
  /** Replaces the sealed secret of a card, keeping its expiry. */
  reseal(token: string, sealed: SealedCard): Promise<void>;
  erase(token: string): Promise<void>;
  /** Deletes the cards past their expiry; a store whose backend expires them itself does nothing. */
  eraseExpired(now: Date): Promise<void>;
  /** Runs `work` unless this consumer already handled the event. */
  handleOnce(eventId: string, consumer: string, work: () => Promise<void>): Promise<void>;
}
