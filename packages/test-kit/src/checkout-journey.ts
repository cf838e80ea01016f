import type { apiClient } from './http-client';
import type { ApiSchemas } from '@checkout/contracts';
import { waitUntil } from '@checkout/local-infra';

type Payer = ApiSchemas['CheckoutRequest']['payer'];

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
export function tokenizeTestCard(api: ReturnType<typeof apiClient>, cardNumber: string) {
  return api.post('/api/v1/cards', {
    number: cardNumber,
    holderName: 'Ana Souza',
    expMonth: 12,
    expYear: new Date().getFullYear() + 3,
    cvc: '123',
  });
}

/** Registers a lead for the course the journeys buy. */
export function registerTestLead(api: ReturnType<typeof apiClient>, email: string) {
  return api.post('/api/v1/leads', {
    name: 'Ana Souza',
    email,
    document: '529.982.247-25',
    birthDate: '1990-05-17',
    phone: '+55 11 91234-5678',
    courseId: 'typescript-fundamentals',
  });
}

/** The body of a checkout of the journeys' course, paid by a company. */
export const checkoutRequestFor = (leadId: string, cardToken: string, payerEmail: string) => ({
  leadId,
  courseId: 'typescript-fundamentals',
  cardToken,
  payer: { ...companyPayer, email: payerEmail },
});

/** A buyer going through the public API: lead, card, checkout. Returns what a client would keep. */
export async function buyCourse(
  api: ReturnType<typeof apiClient>,
  options: {
    cardNumber: string;
    studentEmail?: string;
    payerEmail?: string;
    idempotencyKey?: string;
  },
) {
  const n = `${Date.now()}-${sequence++}`;
  const studentEmail = options.studentEmail ?? `student-${n}@example.com`;
  const lead = await registerTestLead(api, studentEmail);
  const card = await tokenizeTestCard(api, options.cardNumber);
  const request = checkoutRequestFor(
    lead.body.id as string,
    card.body.token as string,
    options.payerEmail ?? `payer-${n}@example.com`,
  );
  const idempotencyKey = options.idempotencyKey ?? `journey-${n}`;
  const checkoutSentAt = Date.now();
  const checkout = await api.post('/api/v1/checkouts', request, {
    'Idempotency-Key': idempotencyKey,
  });
  return {
    lead,
    card,
    request,
    idempotencyKey,
    checkout,
    checkoutSentAt,
    studentEmail,
    payerEmail: request.payer.email,
  };
}

/** Polls GET /checkouts/{id} until it leaves `processing`; a refusal (a 503, say) is polled past. */
export function waitForOutcome(
  api: ReturnType<typeof apiClient>,
  checkoutId: string,
  timeoutMs?: number,
) {
  return waitUntil(
    `checkout ${checkoutId} to leave processing`,
    async () => {
      const { status, body } = await api.get(`/api/v1/checkouts/${checkoutId}`);
      return status !== 200 || body.status === 'processing'
        ? undefined
        : (body as { status: string; declineReason?: string });
    },
    timeoutMs,
  );
}
