import type { components } from './openapi-types';

export {
  createCheckoutClient,
  type CheckoutClient,
  type CheckoutClientOptions,
} from './checkout-client';
export { formatBrl, installmentsLabel } from './money';
export { createSellerClient, type SellerClient, type SellerClientOptions } from './seller-client';
export { fieldErrors, type ApiProblem } from './problem';
export { newIdempotencyKey, type SubmitCheckoutOptions } from './submit-checkout';
export type { components, operations, paths } from './openapi-types';

/** Request and response bodies of the public API, named as in the spec. */
export type ApiSchemas = components['schemas'];
