import { formatBrl, installmentsLabel } from './money';

describe('money as the buyer reads it', () => {
  it('writes reais the Brazilian way in Portuguese and the American way in English', () => {
    expect(formatBrl(123_456, 'pt-BR')).toBe('R$\u00a01.234,56');
    expect(formatBrl(123_456, 'en')).toBe('R$1,234.56');
  });

  it('writes installments as count and installment', () => {
    expect(installmentsLabel(12, 2_807, 'pt-BR')).toBe('12 x R$\u00a028,07');
  });
});
