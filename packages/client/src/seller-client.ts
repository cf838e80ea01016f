import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './openapi-types';

export interface SellerClientOptions extends ClientOptions {
  /** The API's base: `https://shop.example/api/v1`. */
  baseUrl: string;
  /** The seller API key (secret `seller-api-key`), sent as a bearer token on every request. */
  apiKey: string;
}

/**
 * The seller's API (`/admin`, tag `admin` in the spec), typed like the public client: each call
 * answers `{ data }` or `{ error }` (an ApiProblem; a 401 for a wrong key).
 */
export function createSellerClient({ baseUrl, apiKey, ...options }: SellerClientOptions) {
  const client = createClient<paths>({
    baseUrl,
    ...options,
    headers: { ...options.headers, Authorization: `Bearer ${apiKey}` },
  });
  return {
    /** The typed client underneath, for seller routes without a helper yet. */
    client,
    createCoupon: (body: components['schemas']['CouponRequest']) =>
      client.POST('/admin/coupons', { body }),
    listCoupons: () => client.GET('/admin/coupons'),
    /** A page of sales, newest approval first; pass the page's `nextCursor` for the next. */
    listSales: (query: { limit?: number; cursor?: string } = {}) =>
      client.GET('/admin/sales', { params: { query } }),
    /** Refunds the sale once, however often asked; the same key with another sale is a 422. */
    refundSale: (id: string, idempotencyKey: string) =>
      client.POST('/admin/sales/{id}/refund', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      }),
  };
}

export type SellerClient = ReturnType<typeof createSellerClient>;
