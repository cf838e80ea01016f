import { brandOf, cardProblems, passesLuhn, type CardInput } from './card';

const today = new Date('2026-11-29T00:00:00Z');
const card = (changes: Partial<CardInput> = {}): CardInput => ({
  number: '4242424242424242',
  holderName: 'Ana Souza',
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
  ...changes,
});

describe('card rules', () => {
  it('accepts a valid, unexpired card', () => {
    expect(cardProblems(card(), today)).toEqual([]);
  });

  it('rejects a number that fails the Luhn check', () => {
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(cardProblems(card({ number: '4242424242424241' }), today)).toEqual([
      { field: 'number', message: 'is not a valid card number' },
    ]);
  });

  it('accepts a card until the end of its expiry month and rejects it after', () => {
    expect(cardProblems(card({ expMonth: 11, expYear: 2026 }), today)).toEqual([]);
    expect(cardProblems(card({ expMonth: 10, expYear: 2026 }), today)).toEqual([
      { field: 'expYear', message: 'the card has expired' },
    ]);
  });

  it('wants four CVC digits for American Express and three for the others', () => {
    expect(brandOf('378282246310005')).toBe('amex');
    expect(cardProblems(card({ number: '378282246310005', cvc: '123' }), today)).toEqual([
      { field: 'cvc', message: 'must have 4 digits for this card' },
    ]);
    expect(cardProblems(card({ cvc: '1234' }), today)).toHaveLength(1);
  });

  it('recognises the common brands', () => {
    expect(brandOf('4242424242424242')).toBe('visa');
    expect(brandOf('5555555555554444')).toBe('mastercard');
    expect(brandOf('6362970000457013')).toBe('elo');
  });
});
