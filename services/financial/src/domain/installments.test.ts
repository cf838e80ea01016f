import { installmentOption, installmentOptions, singlePayment } from './installments';

// The sample course (typescript-fundamentals): R$ 297,00, up to 12x, 3 interest-free, 1,99 % a month.
const plan = { maxInstallments: 12, interestFreeInstallments: 3, monthlyInterestBps: 199 };

describe('installment options by the Price table', () => {
  it('works the sample course out to the cent', () => {
    const table = installmentOptions(29_700, plan).map((o) => [
      o.count,
      o.installmentCents,
      o.lastInstallmentCents,
      o.totalCents,
      o.interestFree,
    ]);
    expect(table).toEqual([
      [1, 29_700, 29_700, 29_700, true],
      [2, 14_850, 14_850, 29_700, true],
      [3, 9_900, 9_900, 29_700, true],
      [4, 7_798, 7_798, 31_192, false],
      [5, 6_299, 6_300, 31_496, false],
      [6, 5_300, 5_303, 31_803, false],
      [7, 4_587, 4_589, 32_111, false],
      [8, 4_053, 4_050, 32_421, false],
      [9, 3_637, 3_637, 32_733, false],
      [10, 3_305, 3_302, 33_047, false],
      [11, 3_033, 3_033, 33_363, false],
      [12, 2_807, 2_803, 33_680, false],
    ]);
  });

  it('makes the installments add up to the total exactly, the last absorbing the rounding', () => {
    for (const price of [1, 99, 29_700, 49_700, 123_457]) {
      for (const option of installmentOptions(price, plan)) {
        const sum = option.installmentCents * (option.count - 1) + option.lastInstallmentCents;
        expect(sum).toBe(option.totalCents);
        expect(Math.abs(option.lastInstallmentCents - option.installmentCents)).toBeLessThan(
          option.count,
        );
      }
    }
  });

  it('splits the price itself while interest-free, leftover cents on the last installment', () => {
    expect(installmentOption(10_000, plan, 3)).toEqual({
      count: 3,
      installmentCents: 3_333,
      lastInstallmentCents: 3_334,
      totalCents: 10_000,
      interestFree: true,
    });
  });

  it('charges no interest at a zero rate, however many installments', () => {
    const free = { ...plan, interestFreeInstallments: 1, monthlyInterestBps: 0 };
    expect(installmentOption(29_700, free, 12)).toMatchObject({ totalCents: 29_700 });
  });

  it('offers nothing beyond the maximum, below one or fractional', () => {
    for (const count of [0, -1, 13, 2.5])
      expect(installmentOption(29_700, plan, count)).toBe(undefined);
  });

  it('is one payment of the whole price with a single installment', () => {
    expect(installmentOption(29_700, plan, 1)).toEqual(singlePayment(29_700));
  });
});
