import { trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';
import type { ServiceOfRoute } from '../metrics/http-metrics';
import { traceFields } from '../tracing/trace-context';
import { routeTemplateOf } from './route-template';

/** Probes answer every few seconds per pod: their lines only when someone asks for debug. */
const probes = new Set(['/healthz', '/readyz']);

/**
 * One line per request once it is answered: method, route template (never the URL, which can
 * carry a token), status, duration and trace id. The request's span is given the service that
 * handles it, which in `npm start` is one of six in the process.
 */
export function logRequests(logger: Logger, serviceOf: ServiceOfRoute): RequestHandler {
  const serviceFor = typeof serviceOf === 'string' ? () => serviceOf : serviceOf;
  return (req, res, next) => {
    const startedAt = performance.now();
    // Routes are matched by prefix, so the path names the service before any route is chosen.
    trace.getActiveSpan()?.setAttribute('checkout.service', serviceFor(req.path));
    const traced = traceFields();
    res.once('finish', () => {
      const route = routeTemplateOf(req);
      logger[probes.has(route) ? 'debug' : 'info'](
        {
          service: serviceFor(route),
          method: req.method,
          route,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
          ...traced,
        },
        'request',
      );
    });
    next();
  };
}
