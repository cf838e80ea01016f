import cors from 'cors';
import express, { type Express, type Router } from 'express';
import type { ProxyTrust } from '../config';
import type { Logger } from '../logger';
import { createErrorHandler } from './error-handler';
import { HttpProblem, sendProblem } from './problem';

export interface HttpAppOptions {
  logger: Logger;
  routers: Router[];
  /** Whether the dependencies are reachable; backs GET /readyz. */
  isReady: () => Promise<boolean>;
  /** Other sites whose pages may call the public API from the browser (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /**
   * The proxies in front of this app whose X-Forwarded-For gives the client's address, req.ip,
   * which rate limits count by (TRUST_PROXY); none by default, so req.ip is the connection's peer.
   */
  proxyTrust?: ProxyTrust;
}

/** An Express app serving the given routers with health endpoints and problem+json errors. */
export function createHttpApp({
  logger,
  routers,
  isReady,
  allowedOrigins = [],
  proxyTrust = false,
}: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', proxyTrust);
  app.set('query parser', 'simple');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  if (allowedOrigins.length > 0) app.use('/api', corsFor(allowedOrigins));
  app.use(express.json({ limit: '100kb', type: ['application/json', 'application/*+json'] }));
  for (const router of routers) app.use(router);
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
