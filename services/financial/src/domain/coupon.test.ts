import { couponRefusal, discountedPrice, normalizeCouponCode, type Coupon } from './coupon';

const floor = 500;

describe('the price after a coupon', () => {
  it('takes a percentage off, rounded to the nearest cent and half a cent up', () => {
    expect(discountedPrice(29_700, { percentOff: 10 }, floor)).toEqual({
      priceCents: 26_730,
      discountCents: 2_970,
    });
    expect(discountedPrice(12_345, { percentOff: 15 }, floor)).toEqual({
      priceCents: 10_493,
      discountCents: 1_852,
    });
    expect(discountedPrice(1_150, { percentOff: 5 }, 0)).toEqual({
      priceCents: 1_092,
      discountCents: 58,
    });
  });

  it('takes a fixed amount off', () => {
    expect(discountedPrice(29_700, { amountOffCents: 5_000 }, floor)).toEqual({
      priceCents: 24_700,
      discountCents: 5_000,
    });
  });

  it('never takes the price below the floor, whatever the discount', () => {
    expect(discountedPrice(29_700, { percentOff: 100 }, floor).priceCents).toBe(500);
    expect(discountedPrice(29_700, { amountOffCents: 29_600 }, floor)).toEqual({
      priceCents: 500,
      discountCents: 29_200,
    });
  });

  it('never makes a price negative nor free, even with no floor', () => {
    expect(discountedPrice(2_000, { amountOffCents: 5_000 }, 0)).toEqual({
      priceCents: 1,
      discountCents: 1_999,
    });
  });

  it('leaves a price already under the floor as it is', () => {
    expect(discountedPrice(300, { percentOff: 50 }, floor)).toEqual({
      priceCents: 300,
      discountCents: 0,
    });
  });
});

describe('whether a coupon applies', () => {
  const coupon: Coupon = {
    code: 'BEMVINDO10',
    discount: { percentOff: 10 },
    courseId: 'typescript-fundamentals',
    validFrom: new Date('2026-12-01T00:00:00Z'),
    validUntil: new Date('2027-01-01T00:00:00Z'),
    maxUses: 2,
    uses: 1,
    createdAt: new Date('2026-11-30T00:00:00Z'),
  };
  const inside = new Date('2026-12-15T12:00:00Z');

  it('applies within its window, to its course', () => {
    expect(couponRefusal(coupon, 'typescript-fundamentals', inside)).toBeUndefined();
    expect(couponRefusal(coupon, 'typescript-fundamentals', coupon.validFrom!)).toBeUndefined();
  });

  it('is refused before its window opens and from the moment it closes', () => {
    expect(couponRefusal(coupon, 'typescript-fundamentals', new Date('2026-11-30T23:59:59Z'))).toBe(
      'coupon_not_yet_valid',
    );
    expect(couponRefusal(coupon, 'typescript-fundamentals', coupon.validUntil!)).toBe(
      'coupon_expired',
    );
  });

  it('is refused for another course, and applies to every course when it names none', () => {
    expect(couponRefusal(coupon, 'kubernetes-for-developers', inside)).toBe(
      'coupon_for_another_course',
    );
    const { courseId: _course, ...forAll } = coupon;
    expect(couponRefusal(forAll, 'kubernetes-for-developers', inside)).toBeUndefined();
  });

  it('matches codes whatever their case and surrounding spaces', () => {
    expect(normalizeCouponCode('  bemVindo10 ')).toBe('BEMVINDO10');
  });
});
