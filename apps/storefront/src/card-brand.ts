/** The vault's brand ids as buyers know them; an unknown brand ('other') is not named. */
const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  elo: 'Elo',
};

export const brandName = (brand: string): string | undefined => brandNames[brand];
