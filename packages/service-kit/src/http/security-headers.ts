import type { RequestHandler } from 'express';
import helmet from 'helmet';

type Directives = NonNullable<
  Exclude<Parameters<typeof helmet.contentSecurityPolicy>[0], undefined>['directives']
>;

/**
 * The headers every answer carries, written by helmet as the storefront's pages are: nosniff, no
 * referrer, no framing, and a policy under which an answer (JSON, a problem) may load nothing. A
 * page served beside the API sets its own policy over this one (`pagePolicy`). HSTS only when
 * buyers reach the platform over https (PUBLIC_URL): over plain HTTP a browser ignores it.
 */
export function securityHeaders(publicUrl: string | undefined): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    strictTransportSecurity: publicUrl?.startsWith('https:') ?? false,
  });
}

/** The content security policy of an HTML page, in place of the API's. */
export const pagePolicy = (directives: Directives): RequestHandler =>
  helmet.contentSecurityPolicy({ useDefaults: false, directives });

/**
 * Answers under /api carry tokens and personal data (sessions, cards, checkouts, enrolments), so
 * no cache may keep them; a handler whose answer is public for everyone says so itself.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
