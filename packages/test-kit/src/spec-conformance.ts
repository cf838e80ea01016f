import type { CheckoutClient } from '@checkout/client';
import { loadOpenApiSpec } from '@checkout/contracts';
import { createOpenApiAjv } from '@checkout/service-kit';

type Middleware = Parameters<CheckoutClient['use']>[0];
type Responses = Record<string, { $ref?: string; content?: Record<string, unknown> }>;

let ajv: ReturnType<typeof createOpenApiAjv> | undefined;

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

const resolve = (ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], loadOpenApiSpec());

/** The spec's response for `status` (exact, then `4XX`-style, then `default`) and where it lives. */
function declaredResponse(path: string, method: string, status: number) {
  const operation = (loadOpenApiSpec().paths[path]?.[method] ?? {}) as { responses?: Responses };
  const responses = operation.responses ?? {};
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => responses[k]);
  if (!key) return undefined;
  const response = responses[key]!;
  const where = response.$ref ?? `#/${pointer('paths', path, method, 'responses', key)}`;
  return { where, content: (resolve(where) as { content?: Record<string, unknown> }).content };
}

/**
 * Why `response` to `method` on the spec's `path` (`/checkouts/{id}`) breaks the spec, or
 * undefined when it conforms.
 */
export async function specMismatch(method: string, path: string, response: Response) {
  const declared = declaredResponse(path, method.toLowerCase(), response.status);
  if (!declared) return `status ${response.status} is not declared`;
  const text = await response.clone().text();
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  if (!declared.content) return text ? `a body where the spec declares none` : undefined;
  if (!(mediaType in declared.content))
    return `content type "${mediaType}" is not one of ${Object.keys(declared.content).join(', ')}`;
  // Only JSON bodies are parsed here; the YAML of GET /openapi.yaml is the spec itself.
  if (!/^application\/(.+\+)?json$/.test(mediaType)) return undefined;
  ajv ??= createOpenApiAjv({ coerceTypes: false });
  const schemaRef = `openapi${declared.where}/content/${pointer(mediaType)}/schema`;
  const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
  if (validate(JSON.parse(text) as unknown)) return undefined;
  return `body breaks the schema: ${ajv.errorsText(validate.errors)}; body: ${text.slice(0, 500)}`;
}

/**
 * An openapi-fetch middleware that checks every answer against openapi/openapi.yaml: a status the
 * operation declares, a declared content type, and a body that matches its schema. A mismatch
 * rejects the call, so the test that made it fails with the reason.
 */
export const specConformance: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    const reason = await specMismatch(request.method, schemaPath, response);
    if (reason) {
      throw new Error(
        `${request.method} ${schemaPath} answered ${response.status}, not as the spec says: ${reason}`,
      );
    }
    return undefined;
  },
};
