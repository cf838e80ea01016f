import {
  couponRefusal,
  discountedPrice,
  normalizeCouponCode,
  type CouponRefusal,
} from '../domain/coupon';
import type { CheckoutCoupon } from '../domain/checkout';
import type { Course, FinancialStore } from './ports';

export type PriceWithCoupon =
  { ok: true; priceCents: number; coupon?: CheckoutCoupon } | { ok: false; reason: CouponRefusal };

/**
 * The course price a checkout pays before any installments interest: less the named coupon's
 * discount, never below `floorCents`. Whether a use is left is known only when it is taken, with
 * the checkout (see acceptCheckout).
 */
export async function priceWithCoupon(
  store: FinancialStore,
  course: Pick<Course, 'id' | 'priceCents'>,
  couponCode: string | undefined,
  floorCents: number,
): Promise<PriceWithCoupon> {
  if (couponCode === undefined) return { ok: true, priceCents: course.priceCents };
  const coupon = await store.findCoupon(normalizeCouponCode(couponCode));
  if (!coupon) return { ok: false, reason: 'unknown_coupon' };
  const refusal = couponRefusal(coupon, course.id, new Date());
  if (refusal) return { ok: false, reason: refusal };
  const price = discountedPrice(course.priceCents, coupon.discount, floorCents);
  return {
    ok: true,
    priceCents: price.priceCents,
    coupon: { code: coupon.code, discountCents: price.discountCents },
  };
}
