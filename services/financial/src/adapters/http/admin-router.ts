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
import { listSales } from '../../app/list-sales';
import type { FinancialStore } from '../../app/ports';
import { requestRefund, type RequestRefundFailure } from '../../app/request-refund';

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

const refundProblems: ProblemTable<RequestRefundFailure> = {
  unknown_sale: () => problems.notFound('No sale with this id.'),
  idempotency_key_reused: () =>
    problems.unprocessable(
      'Idempotency-Key',
      'This key was already used with a different request.',
    ),
  not_approved: () =>
    problems.conflict(
      'Not refundable',
      'Only an approved checkout can be refunded; this one is not.',
      'id',
    ),
  refund_window_closed: ({ windowDays }) =>
    problems.conflict(
      'Refund window closed',
      `This sale was approved more than ${windowDays} days ago; the refund window is ${windowDays} days.`,
      'id',
    ),
};

/**
 * The seller's API: every route under /api/v1/admin answers only a request carrying the seller
 * API key (secret `seller-api-key`). Seller routes go here, each behind `sellerOnly`.
 */
export function createAdminRouter({
  store,
  sellerApiKey,
  refundWindowDays,
}: {
  store: FinancialStore;
  sellerApiKey: string;
  /** How many days after approval a sale may still be refunded (REFUND_WINDOW_DAYS). */
  refundWindowDays: number;
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

  router.get(`${adminPath}/sales`, sellerOnly, validateRequest('listSales'), async (req, res) => {
    // Checked against the spec's query parameters by validateRequest.
    const { limit, cursor } = req.query as { limit?: string; cursor?: string };
    const result = await listSales(store, {
      limit: limit === undefined ? 50 : Number(limit),
      ...(cursor !== undefined && { cursor }),
    });
    if (!result.ok) throw problems.unprocessable('cursor', 'This cursor is not one a page gave.');
    res.json(result.page);
  });

  router.post(
    `${adminPath}/sales/:id/refund`,
    sellerOnly,
    validateRequest('refundSale'),
    async (req, res) => {
      // Both checked against the spec by validateRequest.
      const checkoutId = req.params.id as string;
      const idempotencyKey = req.get('Idempotency-Key') as string;
      const result = await requestRefund(
        { store, refundWindowDays },
        { checkoutId, idempotencyKey },
      );
      if (!result.ok) throw problemFor(refundProblems, result);
      res.status(202).json(result.sale);
    },
  );

  return router;
}
