import type { Request } from 'express';

/**
 * The route template a request matched (`/api/v1/checkouts/:id`), never its path, which can
 * carry ids and tokens; `unmatched` when no route took it. Read once the answer is sent: Express
 * keeps the matched route on the request, and our routers are mounted at the root.
 */
export function routeTemplateOf(req: Request): string {
  const matched = req.route as { path?: string } | undefined;
  return matched?.path === undefined ? 'unmatched' : req.baseUrl + matched.path;
}
