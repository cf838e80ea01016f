import type { Messages } from '../../i18n/pt-br';

/** How long a refused step asks the buyer to wait, in their words, from the answer's Retry-After. */
export function retryWait(t: Messages, response: Response): string {
  const seconds = Number(response.headers.get('retry-after'));
  return t.checkout.retryIn(Number.isFinite(seconds) ? Math.ceil(seconds / 60) : 1);
}
