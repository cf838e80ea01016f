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

/**
 * The document as a receipt may show it. A CPF keeps only its middle six digits
 * (`***.456.789-**`), the mask the federal government publishes CPFs with under the LGPD
 * (Portal da Transparência); a CNPJ gets the same treatment, its first two and check digits
 * hidden (`**.222.333/0001-**`). Anything that is neither is hidden whole.
 */
export function maskDocument(document: string): string {
  const plain = digitsOf(document);
  if (/^\d{11}$/.test(plain)) return `***.${plain.slice(3, 6)}.${plain.slice(6, 9)}-**`;
  if (/^\d{14}$/.test(plain))
    return `**.${plain.slice(2, 5)}.${plain.slice(5, 8)}/${plain.slice(8, 12)}-**`;
  return '***';
}
