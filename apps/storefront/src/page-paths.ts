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

const withId = (path: string, id: string) => path.replace(':id', encodeURIComponent(id));

/** Links to the pages that show one thing, built from `pagePaths` so the two never disagree. */
export const linkTo = {
  course: (courseId: string) => withId(pagePaths.course, courseId),
  /** With the lead, the checkout starts at the card: the buyer's details are already known. */
  checkout: (courseId: string, leadId?: string) =>
    withId(pagePaths.checkout, courseId) + (leadId ? `?lead=${encodeURIComponent(leadId)}` : ''),
  checkoutStatus: (checkoutId: string) => withId(pagePaths.checkoutStatus, checkoutId),
};
