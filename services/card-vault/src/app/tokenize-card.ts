import { randomBytes } from 'node:crypto';
import { brandOf, cardProblems, type CardInput, type CardProblem } from '../domain/card';
import { sealCard, type KeyRing } from '../domain/card-cipher';
import type { CardRecord, CardStore } from './ports';

export interface TokenizeCardDeps {
  store: CardStore;
  keys: KeyRing;
  cardTtlSeconds: number;
  now?: () => Date;
}

export interface TokenizeCardFailure {
  reason: 'invalid_card';
  problems: CardProblem[];
}

export type TokenizeCardResult =
  | { ok: true; card: Omit<CardRecord, 'sealed' | 'expiresAt'> }
  | ({ ok: false } & TokenizeCardFailure);

/** Seals a card and hands back a token; the number is never stored or returned in clear. */
export async function tokenizeCard(
  deps: TokenizeCardDeps,
  input: CardInput,
): Promise<TokenizeCardResult> {
  const now = deps.now?.() ?? new Date();
  const problems = cardProblems(input, now);
  if (problems.length > 0) return { ok: false, reason: 'invalid_card', problems };
  const token = `tok_${randomBytes(24).toString('base64url')}`;
  const card = {
    token,
    brand: brandOf(input.number),
    last4: input.number.slice(-4),
    expMonth: input.expMonth,
    expYear: input.expYear,
  };
  const { number, cvc, holderName } = input;
  await deps.store.save({
    ...card,
    sealed: sealCard({ number, cvc, holderName }, token, deps.keys.current),
    expiresAt: new Date(now.getTime() + deps.cardTtlSeconds * 1000),
  });
  return { ok: true, card };
}
