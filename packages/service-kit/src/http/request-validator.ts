import { loadOpenApiSpec, type OperationId } from '@checkout/contracts';
import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Request, RequestHandler } from 'express';
import { createOpenApiAjv } from './openapi-ajv';
import { problems, type FieldError } from './problem';

interface Parameter {
  name: string;
  in: 'header' | 'path' | 'query' | 'cookie';
  required?: boolean;
}

interface CompiledParameter extends Parameter {
  validate: ValidateFunction;
}

let ajvs: { body: Ajv2020; parameters: Ajv2020 } | undefined;

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

/** Compiles each parameter's schema where it lives in the spec, so its `$ref`s resolve. */
function compileParameters(ajv: Ajv2020, path: string, method: string, parameters: unknown[]) {
  return (parameters as ({ $ref: string } | Parameter)[]).map((p, index): CompiledParameter => {
    const where =
      '$ref' in p ? p.$ref : `#/${pointer('paths', path, method, 'parameters')}/${index}`;
    const parameter = '$ref' in p ? resolveLocalRef<Parameter>(p.$ref) : p;
    return { ...parameter, validate: ajv.compile({ $ref: `openapi${where}/schema` }) };
  });
}

function valueOf(req: Request, parameter: Parameter): unknown {
  if (parameter.in === 'header') return req.get(parameter.name);
  if (parameter.in === 'path') return req.params[parameter.name];
  if (parameter.in === 'query') return req.query[parameter.name];
  return undefined;
}

/** Validates path, query, headers and body against the named operation of the OpenAPI spec. */
export function validateRequest(operationId: OperationId): RequestHandler {
  ajvs ??= {
    body: createOpenApiAjv({ coerceTypes: false }),
    parameters: createOpenApiAjv({ coerceTypes: true }),
  };
  const { path, method, operation } = findOperation(operationId);
  const parameters = compileParameters(ajvs.parameters, path, method, operation.parameters ?? []);
  const body: ValidateFunction | undefined = operation.requestBody
    ? ajvs.body.compile({
        $ref: `openapi#/${pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema')}`,
      })
    : undefined;

  return (req, _res, next) => {
    const errors: FieldError[] = [];
    for (const parameter of parameters) {
      const value = valueOf(req, parameter);
      const where = parameter.in === 'header' ? 'header' : `${parameter.in} parameter`;
      if (value === undefined && parameter.required)
        errors.push({ field: parameter.name, message: `${where} is required` });
      else if (value !== undefined && !parameter.validate(value)) {
        const reason = parameter.validate.errors?.[0]?.message ?? 'is invalid';
        errors.push({ field: parameter.name, message: `${where} ${reason}` });
      }
    }
    if (body && !body(req.body)) errors.push(...(body.errors ?? []).map(fieldOf));
    next(errors.length > 0 ? problems.invalidRequest(errors) : undefined);
  };
}
