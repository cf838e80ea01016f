import { loadOpenApiSpec, type OperationId } from '@checkout/contracts';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { RequestHandler } from 'express';
import { problems, type FieldError } from './problem';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: object;
}

/** One Ajv for the whole spec, so `$ref`s resolve against the document they live in. */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The spec is an OpenAPI document, not a JSON Schema: register it unchecked and compile its parts.
  ajv.addSchema(loadOpenApiSpec(), 'openapi', undefined, false);
  return ajv;
}

let ajv: Ajv2020 | undefined;

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function resolveLocalRef<T>(ref: string): T {
  const path = ref.replace(/^#\//, '').split('/');
  return path.reduce<unknown>(
    (node, key) => (node as Record<string, unknown>)[key],
    loadOpenApiSpec(),
  ) as T;
}

function findOperation(operationId: OperationId) {
  for (const [path, methods] of Object.entries(loadOpenApiSpec().paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (operation.operationId === operationId) return { path, method, operation };
    }
  }
  throw new Error(`operation ${operationId} is not in the OpenAPI spec`);
}

function fieldOf(error: ErrorObject): FieldError {
  const path = error.instancePath.split('/').filter(Boolean);
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (params.missingProperty)
    return { field: [...path, params.missingProperty].join('.'), message: 'is required' };
  if (params.additionalProperty) {
    return {
      field: [...path, params.additionalProperty].join('.'),
      message: 'is not an accepted field',
    };
  }
  return { field: path.join('.') || 'body', message: error.message ?? 'is invalid' };
}

/** Validates headers and body against the named operation of the OpenAPI spec. */
export function validateRequest(operationId: OperationId): RequestHandler {
  ajv ??= createAjv();
  const { path, method, operation } = findOperation(operationId);
  const headers = ((operation.parameters ?? []) as ({ $ref: string } | Parameter)[])
    .map((p) => ('$ref' in p ? resolveLocalRef<Parameter>(p.$ref) : p))
    .filter((p) => p.in === 'header');
  const body: ValidateFunction | undefined = operation.requestBody
    ? ajv.compile({
        $ref: `openapi#/${pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema')}`,
      })
    : undefined;

  return (req, _res, next) => {
    const errors: FieldError[] = [];
    for (const header of headers) {
      const value = req.get(header.name);
      if (value === undefined && header.required)
        errors.push({ field: header.name, message: 'header is required' });
      else if (value !== undefined && !ajv!.validate(header.schema, value)) {
        errors.push({ field: header.name, message: 'header is invalid' });
      }
    }
    if (body && !body(req.body)) errors.push(...(body.errors ?? []).map(fieldOf));
    next(errors.length > 0 ? problems.invalidRequest(errors) : undefined);
  };
}
