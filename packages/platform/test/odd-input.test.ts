import { request } from 'node:http';
import type { ApiSchemas } from '@checkout/client';
import { loadOpenApiSpec } from '@checkout/contracts';
import {
  companyPayer,
  postCheckout,
  sendRaw,
  specMismatch,
  startTestPlatform,
  testCards,
  tokenizeTestCard,
  type ProblemAnswer,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * Input a careless or hostile client sends, against the platform as `npm start` runs it. Each is
 * the client's fault, so each is answered with a 4xx problem, never an internal error.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 180_000);

afterAll(() => platform?.stop());

const lead: ApiSchemas['LeadRequest'] = {
  name: 'Bruno Lima',
  email: 'bruno.lima@example.com',
  document: '529.982.247-25',
  birthDate: '1991-03-09',
  phone: '+55 21 98765-4321',
  courseId: 'typescript-fundamentals',
};

function expectProblem({ response, error }: ProblemAnswer, status: number, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(error).toMatchObject({ status });
  expect(JSON.stringify(error)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  if (field) expect(error?.errors).toContainEqual(expect.objectContaining({ field }));
}

/** Sends bytes the typed client would not: an odd charset, encoding or path. */
const send = (path: string, options?: Parameters<typeof sendRaw>[1]) =>
  sendRaw(`${platform.baseUrl}${path}`, options);

describe('a request the platform cannot read', () => {
  it('in a charset other than UTF-8 is refused as unsupported', async () => {
    const response = await send('/api/v1/leads', {
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: lead,
    });
    expectProblem(response, 415);
  });

  it('that says it is gzip but is not is refused as bad', async () => {
    const response = await send('/api/v1/leads', {
      headers: { 'content-encoding': 'gzip' },
      body: lead,
    });
    expectProblem(response, 400);
  });

  it('in an encoding the platform does not know is refused as unsupported', async () => {
    const response = await send('/api/v1/leads', {
      headers: { 'content-encoding': 'compress' },
      body: lead,
    });
    expectProblem(response, 415);
  });

  it.each([
    ['a NUL', '/api/v1/checkouts/%00', 400],
    ['broken percent-encoding', '/api/v1/checkouts/%E0%A4%A', 400],
    ['an over-long id', `/api/v1/checkouts/${'a'.repeat(65)}`, 400],
    ['an unknown id', '/api/v1/checkouts/no-such-checkout', 404],
  ])(
    'with %s in a checkout id is answered without reaching the database',
    async (_, path, status) => {
      expectProblem(await send(path), status);
    },
  );

  it('names the path parameter a NUL was sent in', async () => {
    const answer = await platform.api.GET('/checkouts/{id}', {
      params: { path: { id: 'abc\u0000def' } },
    });
    expect(answer.response.url).toMatch(/\/checkouts\/abc%00def$/);
    expectProblem(answer, 400, 'id');
  });
});

describe('a string with a NUL character', () => {
  it.each([
    ['name', { ...lead, name: 'Bruno\u0000Lima' }],
    ['courseId', { ...lead, courseId: 'typescript\u0000fundamentals' }],
    ['phone', { ...lead, phone: '+55 21 98765-4321\u0000' }],
  ])('in the lead %s is a 400 naming the field', async (field, body) => {
    expectProblem(await platform.api.POST('/leads', { body }), 400, field);
  });

  it('in a card holder name is a 400 naming the field', async () => {
    const response = await platform.api.POST('/cards', {
      body: {
        number: testCards.approved,
        holderName: 'Bruno\u0000Lima',
        expMonth: 12,
        expYear: new Date().getFullYear() + 2,
        cvc: '123',
      },
    });
    expectProblem(response, 400, 'holderName');
  });

  it('deep in a checkout payer is a 400 naming the field', async () => {
    const card = await tokenizeTestCard(platform.api, testCards.approved);
    const payer = { ...companyPayer, address: { ...companyPayer.address, street: 'Rua\u0000A' } };
    const response = await postCheckout(
      platform.api,
      { leadId: 'any', courseId: 'typescript-fundamentals', cardToken: card.data!.token, payer },
      'odd-input-nul',
    );
    expectProblem(response, 400, 'payer.address.street');
  });

  it('sent to /api/v1/sessions is a 400 naming the field', async () => {
    const body = { email: 'bruno.lima@example.com', password: 'a\u0000b' };
    expectProblem(await platform.api.POST('/sessions', { body }), 400, 'password');
  });

  it('sent to /api/v1/access/activate is a 400 naming the field', async () => {
    const body = { token: 'x\u0000y', password: 'uma senha longa' };
    expectProblem(await platform.api.POST('/access/activate', { body }), 400, 'token');
  });
});

describe('an impossible date', () => {
  it.each(['0000-01-01', '2023-02-29', '1990-13-01', '1990-00-10', '99999-01-01'])(
    'as a birth date (%s) is a 400 naming birthDate',
    async (birthDate) => {
      expectProblem(
        await platform.api.POST('/leads', { body: { ...lead, birthDate } }),
        400,
        'birthDate',
      );
    },
  );

  it('the first day of year 1 is still a date the platform stores', async () => {
    const { response } = await platform.api.POST('/leads', {
      body: { ...lead, birthDate: '0001-01-01' },
    });
    expect(response.status).toBe(201);
  });
});

/** Any method with a body (fetch sends none with GET), answered as a fetch Response. */
function sendBody(method: string, url: string, headers: Record<string, string>, body: string) {
  return new Promise<Response>((resolve, reject) => {
    // Node sends GET and DELETE bodies unframed unless told their length.
    const framed = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const sent = request(url, { method, headers: framed }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const answerHeaders = Object.entries(answer.headers).map(
          ([name, value]) => [name, String(value)] as [string, string],
        );
        resolve(
          new Response(Buffer.concat(chunks), {
            status: answer.statusCode,
            headers: answerHeaders,
          }),
        );
      });
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

describe('a body no operation can read', () => {
  const spec = loadOpenApiSpec();
  const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => [method.toUpperCase(), path] as const),
  );
  const big = JSON.stringify({ padding: 'a'.repeat(120_000) });
  it.each(operations)(
    'sent to %s %s is answered with a status the spec declares for it',
    async (method, path) => {
      const url = `${platform.baseUrl}/api/v1${path.replace(/\{\w+\}/g, 'x')}`;
      for (const [headers, body] of [
        [{}, '{bad'],
        [{}, big],
        [{ 'content-type': 'application/json; charset=latin1' }, '{}'],
      ] as const) {
        const response = await sendBody(
          method,
          url,
          { 'content-type': 'application/json', ...headers },
          body,
        );
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(await specMismatch(method, path, response)).toBeUndefined();
      }
    },
  );
});
