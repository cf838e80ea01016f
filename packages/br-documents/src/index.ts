/** Check digits of CPF (11 digits) and CNPJ (14 digits), as published by the Receita Federal. */

const digitsOf = (document: string) => document.replace(/[.\-/\s]/g, '');

const checkDigit = (digits: number[], weights: number[]) => {
  const sum = weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
};

function hasValidCheckDigits(
  document: string,
  length: number,
  weights: (n: number) => number[],
): boolean {
  const plain = digitsOf(document);
  if (!new RegExp(`^\\d{${length}}$`).test(plain) || /^(\d)\1+$/.test(plain)) return false;
  const digits = [...plain].map(Number);
  const first = checkDigit(digits, weights(length - 2));
  const second = checkDigit(digits, weights(length - 1));
  return digits[length - 2] === first && digits[length - 1] === second;
}

const cpfWeights = (n: number) => Array.from({ length: n }, (_, i) => n + 1 - i);
const cnpjWeights = (n: number) => Array.from({ length: n }, (_, i) => ((n - 1 - i) % 8) + 2);

export const isValidCpf = (document: string) => hasValidCheckDigits(document, 11, cpfWeights);
export const isValidCnpj = (document: string) => hasValidCheckDigits(document, 14, cnpjWeights);

/** The document with punctuation removed, as stored. */
export const normalizeDocument = digitsOf;
