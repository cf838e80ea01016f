import type { DeclineReason } from '@checkout/contracts';

export type AcquirerAnswer =
  | { outcome: 'approved' }
  | { outcome: 'declined'; declineReason: DeclineReason }
  | { outcome: 'gateway_error' };

/** Test cards with a fixed outcome; every other card follows the original system's rule. */
const testCards: Record<string, (attempt: number) => AcquirerAnswer> = {
  '4242424242424242': () => ({ outcome: 'approved' }),
  '4000000000000002': () => ({ outcome: 'declined', declineReason: 'card_declined' }),
  '4000000000009995': () => ({ outcome: 'declined', declineReason: 'insufficient_funds' }),
  '4000000000000119': (attempt) =>
    attempt === 1 ? { outcome: 'gateway_error' } : { outcome: 'approved' },
};

/** The documented stand-in for the card networks, which we do not run. */
export function askSimulatedAcquirer(cardNumber: string, attempt: number): AcquirerAnswer {
  const testCard = testCards[cardNumber];
  if (testCard) return testCard(attempt);
  const lastDigit = Number(cardNumber.at(-1));
  return lastDigit % 2 === 0
    ? { outcome: 'approved' }
    : { outcome: 'declined', declineReason: 'insufficient_funds' };
}
