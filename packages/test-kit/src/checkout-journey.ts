import type { ApiSchemas, CheckoutClient } from '@checkout/client';
import { waitUntil } from '@checkout/local-infra';
import { networkFailureCode } from './network-failure';

type Payer = ApiSchemas['Payer'];
type Language = ApiSchemas['Language'];

export const testCards = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  transient: '4000000000000119',
} as const;

let sequence = 0;

const address: Payer['address'] = {
  postalCode: '01310-100',
  street: 'Av. Paulista',
  number: '1000',
  district: 'Bela Vista',
  city: 'São Paulo',
  state: 'SP',
};

/** Payers as a checkout request carries them, with valid CPF and CNPJ. */
export const individualPayer: Payer = {
  type: 'individual',
  name: 'Ana Souza',
  email: 'payer@example.com',
  document: '529.982.247-25',
  phone: '+55 11 91234-5678',
  address,
};
export const companyPayer: Payer = {
  type: 'company',
  name: 'Empresa Exemplo Ltda',
  email: 'finance@example.com',
  document: '11.222.333/0001-81',
  phone: '+55 11 3333-4444',
  address,
};

/** Hands a test card to the vault through the public API; the answer carries the token. */
export function tokenizeTestCard(api: CheckoutClient, cardNumber: string) {
  return api.POST('/cards', {
    body: {
      number: cardNumber,
      holderName: 'Ana Souza',
      expMonth: 12,
      expYear: new Date().getFullYear() + 3,
      cvc: '123',
    },
  });
}

/** Registers a lead for the course the journeys buy, in `language` if given. */
export function registerTestLead(api: CheckoutClient, email: string, language?: Language) {
  return api.POST('/leads', {
    body: {
      name: 'Ana Souza',
      email,
      document: '529.982.247-25',
      birthDate: '1990-05-17',
      phone: '+55 11 91234-5678',
      courseId: 'typescript-fundamentals',
      ...(language && { language }),
    },
  });
}

/** The body of a checkout of the journeys' course, paid by a company. */
export const checkoutRequestFor = (
  leadId: string,
  cardToken: string,
  payerEmail: string,
): ApiSchemas['CheckoutRequest'] => ({
  leadId,
  courseId: 'typescript-fundamentals',
  cardToken,
  payer: { ...companyPayer, email: payerEmail },
});

/** POST /checkouts once under `idempotencyKey`: one request, as the test sent it. */
export function postCheckout(
  api: CheckoutClient,
  body: ApiSchemas['CheckoutRequest'],
  idempotencyKey: string,
) {
  return api.POST('/checkouts', {
    body,
    params: { header: { 'Idempotency-Key': idempotencyKey } },
  });
}

/**
 * A buyer going through the public API: lead, card, checkout. Returns what a client would keep.
 * The checkout is one POST, not the client's `submitCheckout`, whose retries would hide from a
 * test the answer the platform gave.
 */
export async function buyCourse(
  api: CheckoutClient,
  options: {
    cardNumber: string;
    studentEmail?: string;
    payerEmail?: string;
    idempotencyKey?: string;
    language?: Language;
    /** Installments to pay in; absent, the request names none (one payment). */
    installments?: number;
    /** A coupon to name; absent, the request names none. */
    couponCode?: string;
  },
) {
  const n = `${Date.now()}-${sequence++}`;
  const studentEmail = options.studentEmail ?? `student-${n}@example.com`;
  const lead = await registerTestLead(api, studentEmail, options.language);
  if (!lead.data) throw new Error(`the lead was refused: ${lead.response.status}`);
  const card = await tokenizeTestCard(api, options.cardNumber);
  if (!card.data) throw new Error(`the card was refused: ${card.response.status}`);
  const request = {
    ...checkoutRequestFor(
      lead.data.id,
      card.data.token,
      options.payerEmail ?? `payer-${n}@example.com`,
    ),
    ...(options.installments && { installments: options.installments }),
    ...(options.couponCode && { couponCode: options.couponCode }),
  };
  const idempotencyKey = options.idempotencyKey ?? `journey-${n}`;
  const checkoutSentAt = Date.now();
  const checkout = await postCheckout(api, request, idempotencyKey);
  return {
    lead: lead.data,
    card: card.data,
    request,
    idempotencyKey,
    checkout,
    checkoutSentAt,
    studentEmail,
    payerEmail: request.payer.email,
  };
}

/**
 * A keep-alive connection the server closed as the request went out on it (the race every
 * HTTP/1.1 keep-alive has; a loaded machine widens it): a GET may simply be sent again.
 */
const closedUnderTheRequest = (error: unknown) =>
  ['UND_ERR_SOCKET', 'ECONNRESET'].includes(networkFailureCode(error) ?? '');

/**
 * Polls GET /checkouts/{id} until it leaves `processing`; a refusal (a 503, say) and a connection
 * closed under the request are polled past.
 */
export function waitForOutcome(api: CheckoutClient, checkoutId: string, timeoutMs?: number) {
  return waitUntil(
    `checkout ${checkoutId} to leave processing`,
    async () => {
      const { data } = await api
        .GET('/checkouts/{id}', { params: { path: { id: checkoutId } } })
        .catch((error: unknown) => {
          if (closedUnderTheRequest(error)) return { data: undefined };
          throw error;
        });
      return data === undefined || data.status === 'processing' ? undefined : data;
    },
    timeoutMs,
  );
}
