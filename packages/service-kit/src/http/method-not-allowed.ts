import type { OpenApiSpec } from '@checkout/contracts';
import type { RequestHandler } from 'express';
import { HttpProblem, sendProblem } from './problem';

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A path template of the spec under its server's base, each `{parameter}` one segment. */
const pathPattern = (template: string) =>
  new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join('[^/]+')}$`,
    'i',
  );

/** Each path the spec declares with its methods; HEAD goes with GET, as Express answers it. */
function declaredPaths(spec: OpenApiSpec) {
  const base = spec.servers?.[0]?.url ?? '';
  return Object.entries(spec.paths).map(([path, item]) => {
    const methods = Object.keys(item)
      .filter((key) => httpMethods.has(key))
      .map((method) => method.toUpperCase());
    if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
    return { pattern: pathPattern(`${base}${path}`), methods };
  });
}

/**
 * After the routes: a method the spec does not declare on a path it does is a 405 naming the
 * methods that are (Allow, RFC 9110 §15.5.6); any other unmatched request goes on to the 404.
 */
export function methodNotAllowed(spec: OpenApiSpec): RequestHandler {
  const paths = declaredPaths(spec);
  return (req, res, next) => {
    const known = paths.find(({ pattern }) => pattern.test(req.path));
    if (!known || known.methods.includes(req.method)) return next();
    const allow = known.methods.join(', ');
    res.set('Allow', allow);
    sendProblem(
      res,
      new HttpProblem(405, 'Method not allowed', `This path answers ${allow} only.`),
    );
  };
}
