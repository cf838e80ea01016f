import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadOpenApiSpec, type OperationId } from '@checkout/contracts';
import { Router } from 'express';
import { createHttpApp, createLogger, validateRequest } from '../src';

interface Parameter {
  name: string;
  in: string;
  example?: unknown;
}
interface Operation {
  operationId: OperationId;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content: { 'application/json': { example?: unknown } } };
}

const spec = loadOpenApiSpec();
const parameterOf = (p: Parameter | { $ref: string }): Parameter =>
  '$ref' in p ? (spec.components.parameters?.[p.$ref.split('/').pop() as string] as Parameter) : p;

/** Every operation of the spec that takes input, with the request its examples make up. */
const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods).flatMap(([method, raw]) => {
    const operation = raw as Operation;
    if (!operation.requestBody && !operation.parameters?.length) return [];
    const parameters = (operation.parameters ?? []).map(parameterOf);
    const inPath = (name: string) =>
      String(parameters.find((p) => p.in === 'path' && p.name === name)?.example);
    return [
      {
        operationId: operation.operationId,
        method,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        url: path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(inPath(name))),
        headers: Object.fromEntries(
          parameters.filter((p) => p.in === 'header').map((p) => [p.name, String(p.example)]),
        ),
        body: operation.requestBody?.content['application/json'].example,
      },
    ];
  }),
);

let server: Server;
let base: string;
beforeAll(async () => {
  const router = Router();
  for (const { operationId, method, route } of operations) {
    router[method as 'get' | 'post' | 'delete'](route, validateRequest(operationId), (_, res) => {
      res.status(204).end();
    });
  }
  const app = createHttpApp({
    logger: createLogger('test', 'silent'),
    service: 'test',
    routers: [router],
    isReady: async () => true,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the OpenAPI spec's request examples", () => {
  it.each(operations.map((o) => [o.operationId, o] as const))(
    '%s: the services accept the example request',
    async (_, { method, url, headers, body }) => {
      const response = await fetch(`${base}${url}`, {
        method: method.toUpperCase(),
        headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect({ status: response.status, problem: await response.text() }).toEqual({
        status: 204,
        problem: '',
      });
    },
  );

  it('gives every operation with a body an example of it', () => {
    const withBody = Object.values(spec.paths).flatMap((methods) =>
      Object.values(methods).filter((operation) => operation.requestBody),
    );
    const withoutExample = withBody
      .filter(
        (operation) => !(operation as Operation).requestBody?.content['application/json'].example,
      )
      .map((operation) => operation.operationId);
    expect(withBody.length).toBeGreaterThan(0);
    expect(withoutExample).toEqual([]);
  });
});
