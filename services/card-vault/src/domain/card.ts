export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'elo' | 'other';

export interface CardInput {
  number: string;
  holderName: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface CardProblem {
  field: keyof CardInput;
  message: string;
}

export function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return number.length > 0 && sum % 10 === 0;
}

export function brandOf(number: string): CardBrand {
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(4011|4312|4389|4514|4576|5041|5066|5067|6277|6362|6363|6504|6505|6516)/.test(number))
    return 'elo';
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(number)) return 'mastercard';
  return 'other';
}

/** The rules a card must meet before the vault keeps it; `today` decides expiry. */
export function cardProblems(card: CardInput, today: Date): CardProblem[] {
  const problems: CardProblem[] = [];
  if (!passesLuhn(card.number))
    problems.push({ field: 'number', message: 'is not a valid card number' });
  const expiresAfter = card.expYear * 12 + card.expMonth;
  const current = today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
  if (expiresAfter < current) problems.push({ field: 'expYear', message: 'the card has expired' });
  const cvcLength = brandOf(card.number) === 'amex' ? 4 : 3;
  if (card.cvc.length !== cvcLength) {
    problems.push({ field: 'cvc', message: `must have ${cvcLength} digits for this card` });
  }
  return problems;
}
