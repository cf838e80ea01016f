/** Cents as the buyer reads money in their language: R$ 1.234,56 or R$1,234.56. */
export function formatMoney(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'BRL' }).format(
    cents / 100,
  );
}
