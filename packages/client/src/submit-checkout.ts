import type { Client } from 'openapi-fetch';
import type { components, paths } from './openapi-types';

export interface SubmitCheckoutOptions {
  /**
   * The submission's key. Keep one per submission (a form kept across double clicks and
   * reloads, say) and pass it again: the API then answers every repeat with the first answer.
   */
  idempotencyKey?: string;
  /** Tries in all, the first included (3). */
  attempts?: number;
  /**
   * The longest wait between tries (10 s). An answer whose `Retry-After` asks for longer (a limit
   * that lasts minutes) is returned at once, for the buyer to be told, not kept waiting.
   */
  maxDelayMs?: number;
}

/** Answers worth another try: the request may not have been handled, and the API says when. */
const retriedStatuses = new Set([429, 502, 503, 504]);

/**
 * POST /checkouts under one Idempotency-Key for every try. A lost answer (the network failed,
 * perhaps after the checkout was accepted) or a 429/503 is tried again with the same key, so a
 * retry returns the checkout the first try made instead of charging again.
 */
export async function submitCheckout(
  client: Client<paths>,
  body: components['schemas']['CheckoutRequest'],
  {
    idempotencyKey = newIdempotencyKey(),
    attempts = 3,
    maxDelayMs = 10_000,
  }: SubmitCheckoutOptions = {},
) {
  const header = { 'Idempotency-Key': idempotencyKey };
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= attempts;
    let result;
    try {
      result = await client.POST('/checkouts', { body, params: { header } });
    } catch (networkError) {
      if (last) throw networkError;
      await sleep(Math.min(maxDelayMs, 500 * 2 ** (attempt - 1)));
      continue;
    }
    const delayMs = retryAfterMs(result.response) ?? 500 * 2 ** (attempt - 1);
    if (last || !retriedStatuses.has(result.response.status) || delayMs > maxDelayMs)
      return { ...result, idempotencyKey };
    await sleep(delayMs);
  }
}

/**
 * 128 random bits as hex. `crypto.getRandomValues` rather than `randomUUID`: browsers offer the
 * latter only on HTTPS or localhost, and a shop may first be tried over plain HTTP.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return response.headers.has('retry-after') && Number.isFinite(seconds)
    ? seconds * 1000
    : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
