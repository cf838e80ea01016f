import { join } from 'node:path';
import express, { Router } from 'express';
import helmet from 'helmet';
import { pagePaths } from '../src/page-paths';

/**
 * A strict policy: only our own scripts, styles, fonts and API, no inline code, no framing.
 * helmet writes it (and nosniff, no referrer to other sites) rather than hand-built headers.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // HSTS is createHttpApp's to send, when PUBLIC_URL is https: shops are first tried over plain
  // HTTP on a laptop.
  strictTransportSecurity: false,
});

/** Paths of the pages and their files: an API request that no route took passes by untouched. */
const notApi = /^(?!\/api\/)/;

/** Lets only a browser's page request through: an API client gets the API's own 404. */
const asksForPage: express.RequestHandler = (req, _res, next) => {
  next(req.accepts(['json', 'html']) === 'html' ? undefined : 'route');
};

/**
 * The built storefront: hashed assets cached for a year, and every page path answered with the
 * app's HTML (revalidated on each visit, so a new release is picked up at once). A browser asking
 * for a page no route knows gets the app too, with a 404, and the app says it is not there.
 */
export function storefrontRouter(distDir: string): Router {
  const page = join(distDir, 'index.html');
  const sendPage = (status: number) => (_req: express.Request, res: express.Response) => {
    res.status(status).sendFile(page, { headers: { 'Cache-Control': 'no-cache' } });
  };
  return Router()
    .use(
      '/assets',
      securityHeaders,
      express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
    )
    .get(Object.values(pagePaths), securityHeaders, sendPage(200))
    .use(notApi, securityHeaders, express.static(distDir, { index: false, maxAge: '1h' }))
    .get(notApi, asksForPage, securityHeaders, sendPage(404));
}
