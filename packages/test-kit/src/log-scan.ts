/**
 * What a log line must never hold, by shape rather than by value, so that a scan also catches
 * data the test did not think to list: e-mail addresses, CPF and CNPJ numbers (with or without
 * punctuation), Brazilian phone numbers and card tokens. The user of a URL (`postgres://user:pw@host`,
 * after `//` or `:`) is not taken for an e-mail address.
 */
const personalData: Record<string, RegExp> = {
  email: /(?<![\w.+:/-])[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  cpf: /(?<![\w.-])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![\w.-])/g,
  cnpj: /(?<![\w./-])\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}(?![\w./-])/g,
  phone: /\+55[\d ()-]{8,}/g,
  cardToken: /\btok_[\w-]{16,}/g,
};

/** Every piece of personal data in `output`, named by kind; empty when the log is clean. */
export function personalDataIn(output: string): string[] {
  return Object.entries(personalData).flatMap(([kind, pattern]) =>
    [...output.matchAll(pattern)].map((match) => `${kind}: ${match[0]}`),
  );
}
