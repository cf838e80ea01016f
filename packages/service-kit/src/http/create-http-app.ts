import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { Logger } from '../logger';
import { HttpProblem, sendProblem } from './problem';

export interface HttpAppOptions {
  logger: Logger;
  routers: Router[];
  /** Whether the dependencies are reachable; backs GET /readyz. */
  isReady: () => Promise<boolean>;
}

const bodyErrors: Record<string, HttpProblem> = {
  'entity.parse.failed': new HttpProblem(400, 'Malformed JSON', 'The body is not valid JSON.'),
  'entity.too.large': new HttpProblem(413, 'Payload too large', 'The body is over 100 KB.'),
  'encoding.unsupported': new HttpProblem(415, 'Unsupported encoding', 'Send UTF-8 JSON.'),
};

/** An Express app serving the given routers with health endpoints and problem+json errors. */
export function createHttpApp({ logger, routers, isReady }: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  app.use(express.json({ limit: '100kb', type: ['application/json', 'application/*+json'] }));
  for (const router of routers) app.use(router);
  app.use((req, res) => {
    sendProblem(res, new HttpProblem(404, 'Not found', `No route for ${req.method} ${req.path}.`));
  });
  const handleError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    if (error instanceof HttpProblem) return sendProblem(res, error);
    const type = (error as { type?: string }).type;
    const bodyError = type === undefined ? undefined : bodyErrors[type];
    if (bodyError) return sendProblem(res, bodyError);
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    sendProblem(res, new HttpProblem(500, 'Internal error', 'Something went wrong on our side.'));
  };
  app.use(handleError);
  return app;
}
