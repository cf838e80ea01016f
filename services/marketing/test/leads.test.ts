import { createCheckoutClient, type ApiSchemas, type CheckoutClient } from '@checkout/client';
import { CheckoutApproved } from '@checkout/contracts';
import {
  eventMessage,
  sendRaw,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import { createMarketingService, marketingDatabase, type MarketingService } from '../src';

const leadRequest: ApiSchemas['LeadRequest'] = {
  name: 'Ana Souza',
  email: 'Ana@Example.com',
  document: '529.982.247-25',
  birthDate: '1990-05-17',
  phone: '+55 11 91234-5678',
  courseId: 'typescript-fundamentals',
};
let marketing: ServiceUnderTest<MarketingService>;
let api: CheckoutClient;

beforeAll(async () => {
  marketing = await startServiceUnderTest(marketingDatabase, createMarketingService);
  api = createCheckoutClient({ baseUrl: `${marketing.baseUrl}/api/v1` });
});
afterAll(() => marketing.stop());

describe('registering a lead', () => {
  it('keeps the lead with a normalised e-mail and answers with its id', async () => {
    const { data, response } = await api.POST('/leads', { body: leadRequest });
    expect(response.status).toBe(201);
    expect(data).toEqual({
      id: expect.any(String),
      name: 'Ana Souza',
      email: 'ana@example.com',
      courseId: 'typescript-fundamentals',
      status: 'lead',
    });
    await expect(marketing.service.findLeadContact(data!.id)).resolves.toEqual({
      name: 'Ana Souza',
      email: 'ana@example.com',
    });
  });

  it.each([
    [400, 'email', { email: 'not-an-email' }],
    [400, 'birthDate', { birthDate: '17/05/1990' }],
    [400, 'phone', { phone: 'call me' }],
    [400, 'nickname', { nickname: 'Aninha' }],
    [422, 'document', { document: '529.982.247-24' }],
    [422, 'birthDate', { birthDate: '2999-01-01' }],
  ])('answers %i naming %s', async (status, field, change) => {
    // Raw, for the unknown field among them: the typed client would not send it.
    const { response, error } = await sendRaw(`${marketing.baseUrl}/api/v1/leads`, {
      body: { ...leadRequest, ...change },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors?.map((e) => e.field)).toContain(field);
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
