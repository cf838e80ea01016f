import type { OpenApiSpec } from '@checkout/contracts';
import cors from 'cors';
import express, { type Express, type Router } from 'express';
import type { ProxyTrust } from '../config';
import type { Logger } from '../logger';
import { measureRequests, type ServiceOfRoute } from '../metrics/http-metrics';
import { logRequests } from './access-log';
import { createErrorHandler } from './error-handler';
import { methodNotAllowed } from './method-not-allowed';
import { HttpProblem, sendProblem } from './problem';
import { keepRawBody } from './raw-body';
import { noStore, securityHeaders } from './security-headers';

export interface HttpAppOptions {
  logger: Logger;
  /** The `service` label of its requests' metrics: the app's, or each route's owner's. */
  service: ServiceOfRoute;
  routers: Router[];
  /** Whether the dependencies are reachable; backs GET /readyz. */
  isReady: () => Promise<boolean>;
  /** Other sites whose pages may call the public API from the browser (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Where buyers reach the platform (PUBLIC_URL): HSTS when it is https. */
  publicUrl?: string;
  /**
   * The public contract, for a 405 with Allow on a method it does not declare. Passed in, not
   * loaded here, so that an app serving no API (the storefront's) stays free of the spec.
   */
  spec?: OpenApiSpec;
  /**
   * The proxies in front of this app whose X-Forwarded-For gives the client's address, req.ip,
   * which rate limits count by (TRUST_PROXY); none by default, so req.ip is the connection's peer.
   */
  proxyTrust?: ProxyTrust;
}

/** An Express app serving the given routers with health endpoints and problem+json errors. */
export function createHttpApp({
  logger,
  service,
  routers,
  isReady,
  allowedOrigins = [],
  publicUrl,
  spec,
  proxyTrust = false,
}: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', proxyTrust);
  app.set('query parser', 'simple');
  app.use(measureRequests(service));
  app.use(logRequests(logger, service));
  app.use(securityHeaders(publicUrl));
  app.use('/api', noStore);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  if (allowedOrigins.length > 0) app.use('/api', corsFor(allowedOrigins));
  app.use(
    express.json({
      limit: '100kb',
      type: ['application/json', 'application/*+json'],
      verify: keepRawBody,
    }),
  );
  for (const router of routers) app.use(router);
  if (spec) app.use(methodNotAllowed(spec));
  app.use((req, res) => {
    sendProblem(res, new HttpProblem(404, 'Not found', `No route for ${req.method} ${req.path}.`));
  });
  app.use(createErrorHandler(logger));
  return app;
}

/**
 * CORS by the `cors` library: a listed origin may send what a checkout needs (JSON, a bearer
 * token, an Idempotency-Key) and read Retry-After; any other origin gets no CORS header at all,
 * so its browser keeps the answer from it.
 */
const corsFor = (origins: readonly string[]) =>
  cors({
    origin: [...origins],
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });
