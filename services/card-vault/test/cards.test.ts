import { randomBytes } from 'node:crypto';
import { CheckoutApproved } from '@checkout/contracts';
import {
  apiClient,
  eventMessage,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import {
  cardVaultDatabase,
  createCardVaultService,
  createMikroOrmCardStore,
  parseKeyRing,
  type CardVaultService,
} from '../src';

const card = {
  number: '4242424242424242',
  holderName: 'Ana Souza',
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
};
let vault: ServiceUnderTest<CardVaultService>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  vault = await startServiceUnderTest(cardVaultDatabase, (context) =>
    createCardVaultService({
      ...context,
      keys: parseKeyRing(`test-1:${randomBytes(32).toString('base64')}`),
      createCardStore: (transactions) => createMikroOrmCardStore(context.orm, transactions),
      cardTtlSeconds: 3600,
    }),
  );
  api = apiClient(vault.baseUrl);
});
afterAll(() => vault.stop());

describe('tokenising a card', () => {
  it('returns a token with the brand and last four digits, and keeps only ciphertext', async () => {
    const response = await api.post('/api/v1/cards', card);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      token: expect.stringMatching(/^tok_/),
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2030,
    });
    const rows = await vault.orm.em.fork().execute('select * from card_vault.card_record');
    expect(JSON.stringify(rows)).not.toContain(card.number);
    expect(JSON.stringify(rows)).not.toContain(Buffer.from(card.number).toString('hex'));
    await expect(vault.service.revealCardNumber(response.body.token)).resolves.toBe(card.number);
  });

  it.each([
    ['number', { number: '4242424242424241' }],
    ['expYear', { expYear: 2020 }],
    ['cvc', { cvc: '1234' }],
  ])('names %s when the card breaks a rule', async (field, change) => {
    const response = await api.post('/api/v1/cards', { ...card, ...change });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].field).toBe(field);
  });

  it.each([
    ['expMonth', { expMonth: 13 }],
    ['number', { number: '4242-4242' }],
    ['expYear', { expYear: '2030' }],
    ['holderName', { holderName: undefined }],
  ])('rejects a malformed %s before it reaches the rules', async (field, change) => {
    const response = await api.post('/api/v1/cards', { ...card, ...change });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('erasing a card', () => {
  it('erases the card when its checkout is final', async () => {
    const { body } = await api.post('/api/v1/cards', card);
    await expect(vault.service.isChargeable(body.token)).resolves.toBe(true);
    await vault.bus.publish(
      eventMessage(CheckoutApproved, {
        checkoutId: 'c-1',
        leadId: 'l-1',
        courseId: 'typescript-fundamentals',
        courseTitle: 'TS',
        cardToken: body.token,
        amountCents: 100,
        currency: 'BRL',
        student: { name: 'Ana', email: 'ana@example.com' },
      }),
    );
    await expect(vault.service.isChargeable(body.token)).resolves.toBe(false);
    await expect(vault.service.revealCardNumber(body.token)).resolves.toBeUndefined();
  });
});
