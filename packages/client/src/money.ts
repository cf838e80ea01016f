/** The languages money is written in; a language the platform does not write falls back to pt-BR. */
const locales: Record<string, string> = { 'pt-BR': 'pt-BR', en: 'en-US' };

/** BRL as the reader writes it: `R$ 1.234,56` in Portuguese, `R$1,234.56` in English. */
export const formatBrl = (cents: number, language: string) =>
  new Intl.NumberFormat(locales[language] ?? 'pt-BR', {
    style: 'currency',
    currency: 'BRL',
  }).format(cents / 100);

/** Installments as Brazilian shops write them: `12 x R$ 28,07`. */
export const installmentsLabel = (count: number, installmentCents: number, language: string) =>
  `${count} x ${formatBrl(installmentCents, language)}`;
