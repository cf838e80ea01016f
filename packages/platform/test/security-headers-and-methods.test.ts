import { readFileSync } from 'node:fs';
import { loadOpenApiSpec } from '@checkout/contracts';
import { startTestPlatform, type TestPlatform } from '@checkout/test-kit';

/** npm start as a shop runs it behind https, with nothing else configured about its listener. */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ PUBLIC_URL: 'https://courses.example' });
}, 120_000);
afterAll(() => platform?.stop());

const spec = loadOpenApiSpec();
const methods = ['get', 'post', 'put', 'patch', 'delete'];
/** Every path of the spec with a value for each parameter, and the methods it declares. */
const paths = Object.entries(spec.paths).map(([template, item]) => ({
  template,
  path: `/api/v1${template.replace(/\{[^}]+\}/g, 'no-such-id')}`,
  declared: methods.filter((method) => method in item),
}));
const operations = paths.flatMap(({ template, path, declared }) =>
  declared.map((method) => ({ template, path, method: method.toUpperCase() })),
);
/** Public, the same for everyone: the only answers a cache may keep. */
const cacheable = ['GET /courses', 'GET /courses/{id}/installments', 'GET /openapi.yaml'];

const send = (path: string, method: string) =>
  fetch(`${platform.baseUrl}${path}`, {
    method,
    ...(['POST', 'PUT', 'PATCH'].includes(method) && {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }),
  });

const securityHeadersOf = (response: Response) => ({
  nosniff: response.headers.get('x-content-type-options'),
  referrerPolicy: response.headers.get('referrer-policy'),
  contentSecurityPolicy: response.headers.get('content-security-policy'),
  hsts: response.headers.get('strict-transport-security'),
});
const expectedHeaders = {
  nosniff: 'nosniff',
  referrerPolicy: 'no-referrer',
  contentSecurityPolicy: "default-src 'none';frame-ancestors 'none'",
  hsts: expect.stringMatching(/^max-age=\d+/),
};

describe('every operation of the spec', () => {
  it.each(operations)(
    '$method $template answers with nosniff, no referrer, a CSP, HSTS and its cache rule',
    async ({ template, path, method }) => {
      const response = await send(path, method);
      expect(response.status).toBeLessThan(500);
      expect(securityHeadersOf(response)).toEqual(expectedHeaders);
      expect(response.headers.get('cache-control')).toBe(
        cacheable.includes(`${method} ${template}`) ? 'no-cache' : 'no-store',
      );
    },
  );
});

describe('methods', () => {
  it.each(paths)(
    '$template answers a method it does not declare with 405 and the ones it does in Allow',
    async ({ path, declared }) => {
      const allowed = declared.map((method) => method.toUpperCase());
      if (allowed.includes('GET')) allowed.push('HEAD');
      for (const method of methods.filter((m) => !declared.includes(m))) {
        const response = await send(path, method.toUpperCase());
        expect({ method, status: response.status }).toEqual({ method, status: 405 });
        expect(response.headers.get('allow')?.split(', ').sort()).toEqual(allowed.sort());
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(securityHeadersOf(response)).toEqual(expectedHeaders);
      }
    },
  );

  it('still answers 404 for a path the spec does not know', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await send('/api/v1/no-such-path', method);
      expect(response.status).toBe(404);
      expect(response.headers.get('allow')).toBeNull();
    }
  });
});

/** The local addresses of the TCP sockets listening on `port`, from the kernel's own tables. */
function listeningAddresses(port: number): string[] {
  const decode = (hex: string) =>
    hex.length === 8
      ? (hex.match(/../g) ?? [])
          .reverse()
          .map((byte) => parseInt(byte, 16))
          .join('.')
      : hex;
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter(
        ([, local, , state]) =>
          state === '0A' && local?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, '0')}`),
      )
      .map(([, local]) => decode(local!.split(':')[0]!)),
  );
}

describe('the listener', () => {
  it('listens on the loopback address only when HOST is not set', () => {
    expect(listeningAddresses(Number(new URL(platform.baseUrl).port))).toEqual(['127.0.0.1']);
  });
});
