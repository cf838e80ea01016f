import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ChargeAttempted, CheckoutApproved } from '@checkout/contracts';
import { parseKeyRing } from '@checkout/service-kit';
import { createCheckoutClient, type ApiSchemas, type CheckoutClient } from '@checkout/client';
import {
  eventMessage,
  sendRaw,
  startServiceUnderTest,
  waitUntil,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import {
  cardVaultDatabase,
  createCardVaultService,
  createSqlCardStore,
  type CardVaultService,
} from '../src';
import { openCard } from '../src/domain/card-cipher';

const card: ApiSchemas['CardRequest'] = {
  number: '4242424242424242',
  holderName: 'Ana Souza',
  expMonth: 12,
  expYear: 2030,
  cvc: '123',
};
const keys = parseKeyRing(`test-1:${randomBytes(32).toString('base64')}`, 'card encryption keys');
const startVault = (options: { cardTtlSeconds: number; expiredCardSweepMs?: number }) =>
  startServiceUnderTest(cardVaultDatabase, (context) =>
    createCardVaultService({
      ...context,
      keys,
      cardLimits: { perClient: 1000, windowSeconds: 60 },
      cardStore: createSqlCardStore(context.orm),
      ...options,
    }),
  );
let vault: ServiceUnderTest<CardVaultService>;
let api: CheckoutClient;

beforeAll(async () => {
  vault = await startVault({ cardTtlSeconds: 3600 });
  api = createCheckoutClient({ baseUrl: `${vault.baseUrl}/api/v1` });
});
afterAll(() => vault.stop());

/** Every card the vault still holds, opened with its key: what a thief with the key would get. */
async function openEveryCard(service: ServiceUnderTest<CardVaultService>) {
  const rows = await service.orm.em
    .fork()
    .execute<{ token: string; key_id: string; ciphertext: Buffer }[]>(
      'select token, key_id, ciphertext from card_vault.card_record',
    );
  return rows.map((row) => ({
    token: row.token,
    secret: openCard({ keyId: row.key_id, ciphertext: row.ciphertext }, row.token, keys),
  }));
}

describe('tokenising a card', () => {
  it('returns a token with the brand and last four digits, and keeps only ciphertext', async () => {
    const { data, response } = await api.POST('/cards', { body: card });
    expect(response.status).toBe(201);
    expect(data).toEqual({
      token: expect.stringMatching(/^tok_/),
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2030,
    });
    const rows = await vault.orm.em.fork().execute('select * from card_vault.card_record');
    expect(JSON.stringify(rows)).not.toContain(card.number);
    expect(JSON.stringify(rows)).not.toContain(Buffer.from(card.number).toString('hex'));
    await expect(vault.service.revealCardNumber(data!.token)).resolves.toBe(card.number);
  });

  it.each<[string, Partial<ApiSchemas['CardRequest']>]>([
    ['number', { number: '4242424242424241' }],
    ['expYear', { expYear: 2020 }],
    ['cvc', { cvc: '1234' }],
  ])('names %s when the card breaks a rule', async (field, change) => {
    const { error, response } = await api.POST('/cards', { body: { ...card, ...change } });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.field).toBe(field);
  });

  it.each([
    ['expMonth', { expMonth: 13 }],
    ['number', { number: '4242-4242' }],
    ['expYear', { expYear: '2030' }],
    ['holderName', { holderName: undefined }],
  ])('rejects a malformed %s before it reaches the rules', async (field, change) => {
    // Raw: a wrong type or a missing field is what the typed client would refuse to send.
    const { error, response } = await sendRaw(`${vault.baseUrl}/api/v1/cards`, {
      body: { ...card, ...change },
    });
    expect(response.status).toBe(400);
    expect(error?.errors?.map((e) => e.field)).toContain(field);
  });
});

describe('erasing a card', () => {
  it('erases the card when its checkout is final', async () => {
    const { token } = (await api.POST('/cards', { body: card })).data!;
    await expect(vault.service.findChargeableCard(token)).resolves.toEqual({
      brand: 'visa',
      last4: card.number.slice(-4),
    });
    await vault.bus.publish(
      eventMessage(CheckoutApproved, {
        checkoutId: 'c-1',
        leadId: 'l-1',
        courseId: 'typescript-fundamentals',
        courseTitle: 'TS',
        cardToken: token,
        amountCents: 100,
        currency: 'BRL',
        student: { name: 'Ana', email: 'ana@example.com' },
      }),
    );
    await expect(vault.service.findChargeableCard(token)).resolves.toBeUndefined();
    await expect(vault.service.revealCardNumber(token)).resolves.toBeUndefined();
  });
});

describe('keeping card data only as long as needed', () => {
  const answer = (cardToken: string, outcome: 'approved' | 'gateway_error') =>
    vault.bus.publish(
      eventMessage(ChargeAttempted, { checkoutId: 'c-cvc', cardToken, attempt: 1, outcome }),
    );
  const secretOf = async (token: string) =>
    (await openEveryCard(vault)).find((card) => card.token === token)?.secret;

  it('keeps the CVC after a gateway error, for the retry, and drops it once the acquirer answers', async () => {
    const { token } = (await api.POST('/cards', { body: card })).data!;
    await answer(token, 'gateway_error');
    expect(await secretOf(token)).toEqual({
      number: card.number,
      holderName: card.holderName,
      cvc: card.cvc,
    });
    await answer(token, 'approved');
    expect(await secretOf(token)).toEqual({
      number: card.number,
      holderName: card.holderName,
    });
    await expect(vault.service.revealCardNumber(token)).resolves.toBe(card.number);
  });

  it('deletes cards past their TTL, leaving nothing that decrypts', async () => {
    const shortLived = await startVault({ cardTtlSeconds: 2, expiredCardSweepMs: 200 });
    try {
      const client = createCheckoutClient({ baseUrl: `${shortLived.baseUrl}/api/v1` });
      const tokens = await Promise.all(
        [1, 2, 3].map(async () => (await client.POST('/cards', { body: card })).data!.token),
      );
      expect((await openEveryCard(shortLived)).map((c) => c.token).sort()).toEqual(tokens.sort());
      await waitUntil(
        'the expired cards to be deleted',
        async () => ((await openEveryCard(shortLived)).length === 0 ? true : undefined),
        5000,
      );
    } finally {
      await shortLived.stop();
    }
  });
});

describe("financial's chargeability check", () => {
  it('answers only the brand and last four digits of a card it holds, over the internal route', async () => {
    const { token } = (await api.POST('/cards', { body: card })).data!;
    const app = express().use(express.json(), vault.service.internalRouter!);
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const ask = async (body: unknown) => {
        const { port } = server.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}/internal/cards/chargeable`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return response.json();
      };
      expect(await ask({ token })).toEqual({ chargeable: true, brand: 'visa', last4: '4242' });
      expect(await ask({ token: 'tok_unknown' })).toEqual({ chargeable: false });
    } finally {
      server.close();
    }
  });
});

describe('reading cards across a schema migration', () => {
  it('keeps finding cards after a migration adds a column to their table', async () => {
    const { token } = (await api.POST('/cards', { body: card })).data!;
    // Several at once, so several pooled connections hold the prepared read.
    const findMany = () =>
      Promise.all(Array.from({ length: 5 }, () => vault.service.findChargeableCard(token)));
    await findMany();
    await vault.orm.em
      .getConnection()
      .execute(`alter table "card_vault"."card_record" add "note" text`);
    try {
      for (const found of await findMany()) expect(found).toEqual({ brand: 'visa', last4: '4242' });
    } finally {
      await vault.orm.em
        .getConnection()
        .execute(`alter table "card_vault"."card_record" drop "note"`);
    }
  });
});
