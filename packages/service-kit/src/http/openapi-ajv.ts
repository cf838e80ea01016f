import { loadOpenApiSpec } from '@checkout/contracts';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';

/** Marks every string schema: PostgreSQL cannot store a NUL, so no string may carry one in. */
const noNul = 'x-no-nul-character';

function withNoNulOnEveryString(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNoNulOnEveryString);
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, withNoNulOnEveryString(value)]),
  );
  const type = (node as { type?: unknown }).type;
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'));
  return isString ? { ...copy, [noNul]: true } : copy;
}

/** RFC 3339's full-date, minus year 0000, which neither the calendar nor PostgreSQL has. */
const { validate: rfc3339Date } = fullFormats.date as { validate: (value: string) => boolean };
const calendarDate = (value: string) => rfc3339Date(value) && !value.startsWith('0000');

/**
 * One Ajv for the whole spec, so `$ref`s resolve against the document they live in. Parameters
 * arrive as text: `coerceTypes` lets a parameter declared as a number or boolean match its text.
 */
export function createOpenApiAjv(options: { coerceTypes: boolean }): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: options.coerceTypes });
  addFormats(ajv);
  ajv.addFormat('date', { type: 'string', validate: calendarDate });
  ajv.addKeyword({
    keyword: noNul,
    type: 'string',
    schemaType: 'boolean',
    error: { message: 'must not contain a NUL character' },
    validate: (_enabled: boolean, value: string) => !value.includes('\u0000'),
  });
  // The spec is an OpenAPI document, not a JSON Schema: register it unchecked and compile its parts.
  ajv.addSchema(withNoNulOnEveryString(loadOpenApiSpec()) as object, 'openapi', undefined, false);
  return ajv;
}
