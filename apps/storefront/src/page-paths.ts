/**
 * The buyer's pages. The server answers each with the app; e-mails link to `/activate` and
 * `/courses/:id`, so those two never move.
 */
export const pagePaths = {
  catalogue: '/',
  course: '/courses/:id',
  checkout: '/courses/:id/checkout',
  checkoutStatus: '/checkouts/:id',
  activate: '/activate',
  signIn: '/sign-in',
  account: '/account',
} as const;
