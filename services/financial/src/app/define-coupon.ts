import type { ApiSchemas } from '@checkout/contracts';
import { normalizeCouponCode, type Coupon, type CouponDiscount } from '../domain/coupon';
import type { FinancialStore } from './ports';

export type CouponRequest = ApiSchemas['CouponRequest'];

export type DefineCouponResult =
  | { ok: true; coupon: ApiSchemas['Coupon'] }
  | {
      ok: false;
      reason:
        | 'one_discount_needed'
        | 'unknown_course'
        | 'date_out_of_range'
        | 'empty_window'
        | 'coupon_exists';
    };

/** A coupon as the seller API shows it. */
export const toCouponView = ({ discount, ...coupon }: Coupon): ApiSchemas['Coupon'] => ({
  code: coupon.code,
  ...discount,
  ...(coupon.courseId !== undefined && { courseId: coupon.courseId }),
  ...(coupon.validFrom && { validFrom: coupon.validFrom.toISOString() }),
  ...(coupon.validUntil && { validUntil: coupon.validUntil.toISOString() }),
  ...(coupon.maxUses !== undefined && { maxUses: coupon.maxUses }),
  uses: coupon.uses,
  createdAt: coupon.createdAt.toISOString(),
});

const discountOf = ({ percentOff, amountOffCents }: CouponRequest): CouponDiscount | undefined => {
  if (percentOff !== undefined && amountOffCents === undefined) return { percentOff };
  if (amountOffCents !== undefined && percentOff === undefined) return { amountOffCents };
  return undefined;
};

/** A date the schema's date-time allows that no coupon needs (a leap second, year 0). */
const outOfRange = (date: Date | undefined) =>
  date !== undefined && !(date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999);

/** A seller defines a coupon: its code is kept upper-case, and no two coupons share one. */
export async function defineCoupon(
  store: FinancialStore,
  request: CouponRequest,
): Promise<DefineCouponResult> {
  const discount = discountOf(request);
  if (!discount) return { ok: false, reason: 'one_discount_needed' };
  if (request.courseId !== undefined && !(await store.findCourse(request.courseId)))
    return { ok: false, reason: 'unknown_course' };
  const validFrom = request.validFrom === undefined ? undefined : new Date(request.validFrom);
  const validUntil = request.validUntil === undefined ? undefined : new Date(request.validUntil);
  if (outOfRange(validFrom) || outOfRange(validUntil))
    return { ok: false, reason: 'date_out_of_range' };
  if (validFrom && validUntil && validFrom >= validUntil)
    return { ok: false, reason: 'empty_window' };
  const coupon: Coupon = {
    code: normalizeCouponCode(request.code),
    discount,
    ...(request.courseId !== undefined && { courseId: request.courseId }),
    ...(validFrom && { validFrom }),
    ...(validUntil && { validUntil }),
    ...(request.maxUses !== undefined && { maxUses: request.maxUses }),
    uses: 0,
    createdAt: new Date(),
  };
  if (!(await store.addCoupon(coupon))) return { ok: false, reason: 'coupon_exists' };
  return { ok: true, coupon: toCouponView(coupon) };
}
