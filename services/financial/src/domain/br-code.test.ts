import { hasError, parsePix, PixElementType } from 'pix-utils';
import { brCode, crc16, txidOf } from './br-code';

describe('the BR Code of a PIX charge', () => {
  it("is the Banco Central manual's static example, byte for byte", () => {
    // Manual de Padrões para Iniciação do Pix (BCB), the static QR code's example payload.
    expect(
      brCode({
        pixKey: '123e4567-e12b-12d1-a456-426655440000',
        merchantName: 'Fulano de Tal',
        merchantCity: 'BRASILIA',
      }),
    ).toBe(
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D',
    );
  });

  it('is what pix-utils publishes for an amount, a message and an accented city', () => {
    // Vectors of thalesog/pix-utils (tests/emvCodes.ts: STATIC_TEST_EMV, ..._NO_VALUE_ELEMENT_EMV).
    const fields = {
      pixKey: 'thalesog@me.com',
      merchantName: 'Thales Ogliari',
      merchantCity: 'SÃO MIGUÉL DO O',
      description: 'Pedido 123',
    };
    expect(brCode({ ...fields, amountCents: 1000 })).toBe(
      '00020126510014br.gov.bcb.pix0115thalesog@me.com0210Pedido 123520400005303986540510.005802BR5914Thales Ogliari6015SAO MIGUEL DO O62070503***63044367',
    );
    expect(brCode(fields)).toBe(
      '00020126510014br.gov.bcb.pix0115thalesog@me.com0210Pedido 1235204000053039865802BR5914Thales Ogliari6015SAO MIGUEL DO O62070503***63042C6B',
    );
  });

  it('reads back through an independent parser: amount, key, txid, name and city', () => {
    const checkoutId = '3f2c1a9e-7b4d-4e8a-9c1f-2d5e6a7b8c9d';
    const code = brCode({
      pixKey: 'pix@cursos.example',
      merchantName: 'Escola de Programação Ltda e Filiais',
      merchantCity: 'São Paulo de Piratininga',
      amountCents: 29_700,
      txid: txidOf(checkoutId),
    });
    const parsed = parsePix(code);
    if (hasError(parsed) || parsed.type !== PixElementType.STATIC)
      throw new Error(`not a static PIX: ${code}`);
    expect(parsed).toMatchObject({
      pixKey: 'pix@cursos.example',
      transactionAmount: 297,
      txid: '3f2c1a9e7b4d4e8a9c1f2d5e6',
      merchantName: 'Escola de Programacao Ltd',
      merchantCity: 'Sao Paulo de Pi',
      merchantCategoryCode: '0000',
      transactionCurrency: '986',
      countryCode: 'BR',
    });
    expect(code).toContain('5406297.00');
  });

  it('carries cents exactly, with two decimal places', () => {
    const fields = { pixKey: 'k', merchantName: 'N', merchantCity: 'C' };
    expect(brCode({ ...fields, amountCents: 5 })).toContain('54040.05');
    expect(brCode({ ...fields, amountCents: 33_680 })).toContain('5406336.80');
    expect(() => brCode({ ...fields, amountCents: 0 })).toThrow(RangeError);
    expect(() => brCode({ ...fields, amountCents: 1.5 })).toThrow(RangeError);
  });

  it('ends with the CRC16-CCITT-FALSE of everything before it, in upper-case hex', () => {
    expect(crc16('123456789')).toBe('29B1'); // the algorithm's catalogued check value
    const code = brCode({ pixKey: 'k', merchantName: 'N', merchantCity: 'C', amountCents: 100 });
    expect(code.slice(-4)).toBe(crc16(code.slice(0, -4)));
    const tampered = code.replace('1.00', '2.00');
    expect(parsePix(tampered)).toMatchObject({ error: true });
  });

  it("derives a txid of at most 25 letters and digits from the checkout's id", () => {
    expect(txidOf('3f2c1a9e-7b4d-4e8a-9c1f-2d5e6a7b8c9d')).toMatch(/^[A-Za-z0-9]{25}$/);
  });
});
