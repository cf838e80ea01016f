import { isValidCnpj, isValidCpf, maskDocument } from './index';

describe('CPF', () => {
  it('accepts a CPF with correct check digits, with or without punctuation', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('52998224725')).toBe(true);
  });
  it('rejects wrong check digits, repeated digits and wrong lengths', () => {
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCpf('5299822472')).toBe(false);
  });
});

describe('CNPJ', () => {
  it('accepts a CNPJ with correct check digits', () => {
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
  });
  it('rejects wrong check digits and repeated digits', () => {
    expect(isValidCnpj('11.222.333/0001-80')).toBe(false);
    expect(isValidCnpj('00.000.000/0000-00')).toBe(false);
  });
});

describe('a document as a receipt shows it', () => {
  it("shows a CPF's middle six digits only, with or without punctuation", () => {
    expect(maskDocument('529.982.247-25')).toBe('***.982.247-**');
    expect(maskDocument('52998224725')).toBe('***.982.247-**');
  });
  it("hides a CNPJ's first two and check digits", () => {
    expect(maskDocument('11.222.333/0001-81')).toBe('**.222.333/0001-**');
    expect(maskDocument('11222333000181')).toBe('**.222.333/0001-**');
  });
  it('hides whole what is neither a CPF nor a CNPJ', () => {
    expect(maskDocument('12345')).toBe('***');
  });
});
