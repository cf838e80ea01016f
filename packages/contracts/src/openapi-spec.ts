import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The public contract, the single source of HTTP types and request validation. Bundled images
 * carry a copy beside their code and say where with OPENAPI_SPEC.
 */
export const specPath =
  process.env.OPENAPI_SPEC ?? join(__dirname, '../../../openapi/openapi.yaml');

export interface OpenApiSpec {
  servers?: { url: string }[];
  paths: Record<
    string,
    Record<string, { operationId?: string; requestBody?: unknown; parameters?: unknown[] }>
  >;
  components: Record<string, Record<string, unknown>>;
}

let cached: OpenApiSpec | undefined;

export function loadOpenApiSpec(): OpenApiSpec {
  cached ??= parse(readFileSync(specPath, 'utf8')) as OpenApiSpec;
  return cached;
}
