import { globalAgent } from 'node:http';
import { finished } from 'node:stream';
import { HttpProblem, sendProblem } from '@checkout/service-kit';
import type { Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { edgeRoutes, type ServiceName } from '../services';

const serviceFor = (path: string) =>
  edgeRoutes.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`))?.service;

/**
 * The local stand-in for the cluster's ingress: forwards each public path (and the seller's API),
 * unchanged, to the service that owns it. Bodies stream through untouched, so the services do all validation.
 * The client's address (req.ip under the app's `trust proxy`) goes on as X-Forwarded-For.
 */
export function edgeRouter(appPorts: Record<ServiceName, number>): RequestHandler {
  return createProxyMiddleware<Request, Response>({
    pathFilter: (path) => serviceFor(path) !== undefined,
    router: (req) => `http://127.0.0.1:${appPorts[serviceFor(req.path)!]}`,
    // Reuse connections to the services, as a plain http.request would.
    agent: globalAgent,
    on: {
      start: (req) => {
        // Node has already answered the client's 100-continue at this hop; forwarded, it would
        // also keep the engine from raising proxyReq, and with it the abort below.
        delete req.headers.expect;
      },
      proxyReq: (request, req, res) => {
        // The services take the client's address from this header alone (they trust one hop,
        // this edge), so it carries only the address this edge found by its own TRUST_PROXY.
        request.setHeader('X-Forwarded-For', String(req.ip));
        // A client that goes away before its answer is complete (even one that sent its whole
        // body and is only waiting) ends the service's work on it too.
        finished(res, (gone) => {
          if (gone) request.destroy();
        });
      },
      proxyRes: (answer, _req, res) => {
        // A service that dies mid-answer must not leave the client waiting for the rest, nor
        // let a clean end pass the cut body off as whole: cut the client's connection too.
        answer.on('close', () => {
          if (!answer.complete) res.destroy();
        });
      },
      error: (_error, _req, res) => {
        // A socket (no HTTP answer to give) or an answer already under way can only be cut.
        if (!('headersSent' in res) || res.headersSent) return void res.destroy();
        // A service restarting answers again within seconds: a client should simply try again.
        res.setHeader('Retry-After', '1');
        sendProblem(
          res,
          new HttpProblem(
            503,
            'Service unavailable',
            'The service is restarting; try again shortly.',
          ),
        );
      },
    },
  });
}
