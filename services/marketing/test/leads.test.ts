import { createCheckoutClient, type ApiSchemas, type CheckoutClient } from '@checkout/client';
import { CheckoutApproved } from '@checkout/contracts';
import {
  eventMessage,
  sendRaw,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import { DependencyUnavailableError } from '@checkout/service-kit';
import { createMarketingService, marketingDatabase, type MarketingService } from '../src';

const leadRequest: ApiSchemas['LeadRequest'] = {
  name: 'Ana Souza',
  email: `Ana-${Date.now()}@Example.com`,
  document: '529.982.247-25',
  birthDate: '1990-05-17',
  phone: '+55 11 91234-5678',
  courseId: 'typescript-fundamentals',
};
let marketing: ServiceUnderTest<MarketingService>;
let api: CheckoutClient;

/** Financial's catalogue, as marketing asks it (a stand-in: financial is another service). */
const catalogue: Record<string, string> = {
  'typescript-fundamentals': 'Fundamentos de TypeScript',
};

beforeAll(async () => {
  marketing = await startServiceUnderTest(marketingDatabase, (context) =>
    createMarketingService({
      ...context,
      courses: {
        findCourse: async (id) => {
          if (id === 'while-financial-is-down') throw new DependencyUnavailableError('financial');
          return catalogue[id] ? { id, title: catalogue[id] } : undefined;
        },
      },
      leadReminderDelayMs: 3_600_000,
      defaultLanguage: 'pt-BR',
    }),
  );
  api = createCheckoutClient({ baseUrl: `${marketing.baseUrl}/api/v1` });
});
afterAll(() => marketing.stop());

describe('registering a lead', () => {
  it('keeps the lead with a normalised e-mail and a trimmed name and answers with its id', async () => {
    const email = `new-${Date.now()}@example.com`;
    const { data, response } = await api.POST('/leads', {
      body: { ...leadRequest, email: email.toUpperCase(), name: '  Ana Souza ' },
    });
    expect(response.status).toBe(201);
    expect(data).toEqual({
      id: expect.any(String),
      name: 'Ana Souza',
      email,
      courseId: 'typescript-fundamentals',
      status: 'lead',
      language: 'pt-BR',
    });
    await expect(marketing.service.findLeadContact(data!.id)).resolves.toEqual({
      name: 'Ana Souza',
      email,
      language: 'pt-BR',
    });
  });

  it('answers the open lead of the same e-mail and course with 200 and the new details', async () => {
    const email = `again-${Date.now()}@example.com`;
    const first = await api.POST('/leads', { body: { ...leadRequest, email } });
    const again = await api.POST('/leads', {
      body: { ...leadRequest, email: email.toUpperCase(), name: 'Ana S. Souza', language: 'en' },
    });
    expect([first.response.status, again.response.status]).toEqual([201, 200]);
    expect(again.data).toMatchObject({ id: first.data!.id, name: 'Ana S. Souza', language: 'en' });
    const rows = await marketing.orm.em
      .fork()
      .execute('select phone from marketing.lead where email = ?', [email]);
    expect(rows).toHaveLength(1);
  });

  it('makes one lead of identical registrations sent at the same time', async () => {
    const body = { ...leadRequest, email: `burst-${Date.now()}@example.com` };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => api.POST('/leads', { body })),
    );
    expect(new Set(answers.map((a) => a.data?.id)).size).toBe(1);
    expect(answers.map((a) => a.response.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 201,
    ]);
  });

  it('takes the language from Accept-Language when the lead names none', async () => {
    const { data } = await api.POST('/leads', {
      body: { ...leadRequest, email: `browser-${Date.now()}@example.com` },
      headers: { 'Accept-Language': 'en-US,en;q=0.9,pt;q=0.5' },
    });
    expect(data?.language).toBe('en');
  });

  it.each([
    [400, 'email', { email: 'not-an-email' }],
    [400, 'birthDate', { birthDate: '17/05/1990' }],
    [400, 'phone', { phone: 'call me' }],
    [400, 'nickname', { nickname: 'Aninha' }],
    [422, 'document', { document: '529.982.247-24' }],
    [422, 'birthDate', { birthDate: '2999-01-01' }],
    [422, 'name', { name: '     ' }],
    [422, 'courseId', { courseId: 'no-such-course' }],
    [400, 'language', { language: 'fr' }],
  ])('answers %i naming %s', async (status, field, change) => {
    // Raw, for the unknown field among them: the typed client would not send it.
    const { response, error } = await sendRaw(`${marketing.baseUrl}/api/v1/leads`, {
      body: { ...leadRequest, ...change },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors?.map((e) => e.field)).toContain(field);
  });

  it('answers 503 with Retry-After while the catalogue cannot be asked, and keeps nothing', async () => {
    const email = `down-${Date.now()}@example.com`;
    const { response, error } = await api.POST('/leads', {
      body: { ...leadRequest, email, courseId: 'while-financial-is-down' },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(error).toMatchObject({ status: 503 });
    const rows = await marketing.orm.em
      .fork()
      .execute('select id from marketing.lead where email = ?', [email]);
    expect(rows).toEqual([]);
  });

  it('answers 400 for malformed JSON and 413 for a body over 100 KB', async () => {
    const malformed = await sendRaw(`${marketing.baseUrl}/api/v1/leads`, { body: '{"name": ' });
    expect(malformed.response.status).toBe(400);
    const huge = await api.POST('/leads', { body: { ...leadRequest, name: 'x'.repeat(110_000) } });
    expect(huge.response.status).toBe(413);
    expect(huge.error).toMatchObject({ status: 413, title: 'Payload too large' });
  });
});

describe('converting a lead', () => {
  it('turns the lead into a client when its checkout is approved', async () => {
    const lead = (await api.POST('/leads', { body: leadRequest })).data!;
    await marketing.bus.publish(
      eventMessage(CheckoutApproved, {
        checkoutId: 'c-1',
        leadId: lead.id,
        courseId: lead.courseId,
        courseTitle: 'Fundamentos de TypeScript',
        cardToken: 'tok_1',
        amountCents: 29700,
        currency: 'BRL',
        student: { name: lead.name, email: lead.email },
      }),
    );
    const rows = await marketing.orm.em
      .fork()
      .execute<{ status: string }[]>('select status from marketing.lead where id = ?', [lead.id]);
    expect(rows).toEqual([{ status: 'client' }]);
  });
});
