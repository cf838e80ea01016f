import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { HttpProblem, sendProblem } from '@checkout/service-kit';
import { Router } from 'express';
import { publicRoutes, type ServiceName } from '../services';

/**
 * The local stand-in for the cluster's ingress: forwards each public path, unchanged, to the
 * service that owns it. Bodies stream through untouched, so the services do all validation.
 */
export function edgeRouter(appPorts: Record<ServiceName, number>): Router {
  return Router().use((req, res, next) => {
    const route = publicRoutes.find(
      ({ prefix }) => req.path === prefix || req.path.startsWith(`${prefix}/`),
    );
    if (!route) return next();
    forward(req, res, appPorts[route.service]);
  });
}

function forward(req: IncomingMessage, res: ServerResponse, port: number): void {
  const upstream = request(
    { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (res.headersSent) return;
    // A service restarting answers again within seconds: a client should simply try again.
    res.setHeader('Retry-After', '1');
    sendProblem(
      res as never,
      new HttpProblem(503, 'Service unavailable', 'The service is restarting; try again shortly.'),
    );
  });
  req.pipe(upstream);
}
