import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './openapi-types';
import { submitCheckout, type SubmitCheckoutOptions } from './submit-checkout';

export interface CheckoutClientOptions extends ClientOptions {
  /** The API's base: `https://shop.example/api/v1`. Defaults to `/api/v1` on the page's origin. */
  baseUrl?: string;
}

/**
 * The public API, typed from openapi/openapi.yaml: `client.GET('/courses')`,
 * `client.POST('/leads', { body })`, ... each answering `{ data }` or `{ error }` (an ApiProblem).
 * Checkouts go through `submitCheckout`, which owns the Idempotency-Key.
 */
export function createCheckoutClient({
  baseUrl = '/api/v1',
  ...options
}: CheckoutClientOptions = {}) {
  const client = createClient<paths>({ baseUrl, ...options });
  return Object.assign(client, {
    submitCheckout: (
      body: components['schemas']['CheckoutRequest'],
      submitOptions?: SubmitCheckoutOptions,
    ) => submitCheckout(client, body, submitOptions),
  });
}

export type CheckoutClient = ReturnType<typeof createCheckoutClient>;
