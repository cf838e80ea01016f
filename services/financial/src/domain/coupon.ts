/**
 * A seller's coupon: a percentage or a fixed amount off the course price, for one course or for
 * all, within a validity window (either end open), up to a number of uses (or without limit).
 */
export interface Coupon {
  /** As the seller typed it, normalised: codes are matched whatever their case. */
  code: string;
  discount: CouponDiscount;
  /** Absent: every course. */
  courseId?: string;
  validFrom?: Date;
  /** The first moment the coupon is no longer valid. */
  validUntil?: Date;
  /** Absent: unlimited. */
  maxUses?: number;
  /** Checkouts holding a use: taken when accepted, given back when declined or refunded. */
  uses: number;
  createdAt: Date;
}

export type CouponDiscount = { percentOff: number } | { amountOffCents: number };

/** Why a coupon cannot be used for a checkout (`couponCode` in the answer). */
export type CouponRefusal =
  | 'unknown_coupon'
  | 'coupon_not_yet_valid'
  | 'coupon_expired'
  | 'coupon_for_another_course'
  /** Known only when a use is taken, with the checkout (see FinancialTransaction.takeCouponUse). */
  | 'coupon_used_up';

/** Codes are typed by buyers: spaces around them and the case do not matter. */
export const normalizeCouponCode = (code: string) => code.trim().toUpperCase();

/**
 * Why `coupon` cannot take `courseId` off at `now`, if it cannot. Whether a use is left is not
 * asked here: a count read now may be stale by the time the checkout is added, so a use is only
 * ever taken by one conditional update in the transaction that adds it.
 */
export function couponRefusal(
  coupon: Pick<Coupon, 'courseId' | 'validFrom' | 'validUntil'>,
  courseId: string,
  now: Date,
): CouponRefusal | undefined {
  if (coupon.validFrom && now < coupon.validFrom) return 'coupon_not_yet_valid';
  if (coupon.validUntil && now >= coupon.validUntil) return 'coupon_expired';
  if (coupon.courseId !== undefined && coupon.courseId !== courseId)
    return 'coupon_for_another_course';
  return undefined;
}

/** A price after a coupon, and what the coupon took off it. */
export interface DiscountedPrice {
  priceCents: number;
  discountCents: number;
}

/**
 * The price with the discount taken off, never below `floorCents` (the platform's price floor)
 * nor below one cent (a card is never charged nothing); a price already under the floor keeps
 * its value. A percentage is rounded to the nearest cent, half a cent up.
 */
export function discountedPrice(
  priceCents: number,
  discount: CouponDiscount,
  floorCents: number,
): DiscountedPrice {
  const off =
    'percentOff' in discount
      ? Math.round((priceCents * discount.percentOff) / 100)
      : discount.amountOffCents;
  const lowest = Math.max(1, Math.min(floorCents, priceCents));
  const discounted = Math.max(priceCents - off, lowest);
  return { priceCents: discounted, discountCents: priceCents - discounted };
}
