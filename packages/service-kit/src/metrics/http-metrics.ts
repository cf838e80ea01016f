import type { RequestHandler, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { routeTemplateOf } from '../http/route-template';
import { metricsRegistry } from './registry';

const requestDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Time from a request to the last byte of its answer, by route template and status.',
  labelNames: ['service', 'method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

const rateLimitRejections = new Counter({
  name: 'checkout_rate_limit_rejections_total',
  help: 'Requests answered 429 by a rate limit, by the limit that refused them.',
  labelNames: ['service', 'limit'],
  registers: [metricsRegistry],
});

/** Where a refused request names the limit that refused it, for measureRequests to count. */
const refusedBy = 'rateLimitRefusedBy';

/** Marks `res` as refused by the limit `name`; counted once the answer is sent. */
export const recordRateLimitRefusal = (res: Response, name: string) => {
  res.locals[refusedBy] = name;
};

/** Which service a route template belongs to: one name, or a table for a shared app. */
export type ServiceOfRoute = string | ((route: string) => string);

/**
 * Express middleware observing every request under its route template (`/api/v1/checkouts/:id`),
 * never its path, so that the series stay few; a request no route matched is `unmatched`.
 */
export function measureRequests(serviceOf: ServiceOfRoute): RequestHandler {
  const serviceFor = typeof serviceOf === 'string' ? () => serviceOf : serviceOf;
  return (req, res, next) => {
    const startedAt = performance.now();
    res.once('finish', () => {
      const route = routeTemplateOf(req);
      const service = serviceFor(route);
      const status = String(res.statusCode);
      const seconds = (performance.now() - startedAt) / 1000;
      requestDuration.observe({ service, method: req.method, route, status }, seconds);
      const limit = res.locals[refusedBy] as string | undefined;
      if (limit) rateLimitRejections.inc({ service, limit });
    });
    next();
  };
}
