import { createCheckoutClient } from '@checkout/client';

/** The public API on the page's own origin: the only place the pages talk to. */
export const api = createCheckoutClient();
