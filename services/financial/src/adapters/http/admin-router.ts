import {
  problemFor,
  problems,
  requireBearerKey,
  validateRequest,
  type ProblemTable,
} from '@checkout/service-kit';
import { Router } from 'express';
import {
  defineCoupon,
  toCouponView,
  type CouponRequest,
  type DefineCouponResult,
} from '../../app/define-coupon';
import type { FinancialStore } from '../../app/ports';

/** The path every seller route lives under; the key guards all of it. */
export const adminPath = '/api/v1/admin';

const couponProblems: ProblemTable<Extract<DefineCouponResult, { ok: false }>> = {
  one_discount_needed: () =>
    problems.unprocessable('percentOff', 'Give either percentOff or amountOffCents, not both.'),
  unknown_course: () => problems.unprocessable('courseId', 'No course with this id.'),
  date_out_of_range: () =>
    problems.unprocessable('validFrom', 'Give dates between the years 1970 and 9999.'),
  empty_window: () => problems.unprocessable('validUntil', 'validUntil must follow validFrom.'),
  coupon_exists: () =>
    problems.conflict('Coupon exists', 'A coupon with this code exists.', 'code'),
};

/**
 * The seller's API: every route under /api/v1/admin answers only a request carrying the seller
 * API key (secret `seller-api-key`). Seller routes go here, each behind `sellerOnly`.
 */
export function createAdminRouter({
  store,
  sellerApiKey,
}: {
  store: FinancialStore;
  sellerApiKey: string;
}): Router {
  const router = Router();
  // On each route rather than the whole path, so a method a path does not declare stays a 405.
  const sellerOnly = requireBearerKey(sellerApiKey, 'seller API key');

  router.post(
    `${adminPath}/coupons`,
    sellerOnly,
    validateRequest('createCoupon'),
    async (req, res) => {
      const result = await defineCoupon(store, req.body as CouponRequest);
      if (!result.ok) throw problemFor(couponProblems, result);
      res.status(201).json(result.coupon);
    },
  );

  router.get(
    `${adminPath}/coupons`,
    sellerOnly,
    validateRequest('listCoupons'),
    async (_req, res) => {
      res.json({ items: (await store.listCoupons()).map(toCouponView) });
    },
  );

  return router;
}
