import { Type, type Static, type TObject } from '@sinclair/typebox';

/**
 * The event catalogue: every topic the services publish, its payload schema and version.
 * A payload change that breaks consumers gets a new version, never an edit in place.
 */
export interface EventDefinition<S extends TObject = TObject> {
  topic: string;
  version: number;
  schema: S;
}

export type EventData<D extends EventDefinition> = Static<D['schema']>;

function defineEvent<S extends TObject>(topic: string, version: number, schema: S) {
  return { topic, version, schema } satisfies EventDefinition<S>;
}

const Money = { amountCents: Type.Integer({ minimum: 1 }), currency: Type.Literal('BRL') };
const Contact = Type.Object({ name: Type.String(), email: Type.String() });
const DeclineReason = Type.Union([
  Type.Literal('card_declined'),
  Type.Literal('insufficient_funds'),
  Type.Literal('processing_error'),
]);

/** Financial asks payment to charge a card (one event per attempt). */
export const ChargeRequested = defineEvent(
  'charge.requested',
  1,
  Type.Object({
    checkoutId: Type.String(),
    cardToken: Type.String(),
    attempt: Type.Integer({ minimum: 1 }),
    ...Money,
  }),
);

/** Payment reports what the acquirer said about one attempt. */
export const ChargeAttempted = defineEvent(
  'charge.attempted',
  1,
  Type.Object({
    checkoutId: Type.String(),
    /** Added within v1 (optional, so earlier consumers are unaffected): the vault drops the CVC. */
    cardToken: Type.Optional(Type.String()),
    attempt: Type.Integer({ minimum: 1 }),
    outcome: Type.Union([
      Type.Literal('approved'),
      Type.Literal('declined'),
      Type.Literal('gateway_error'),
    ]),
    declineReason: Type.Optional(DeclineReason),
  }),
);

const CheckoutFacts = {
  checkoutId: Type.String(),
  leadId: Type.String(),
  courseId: Type.String(),
  courseTitle: Type.String(),
  cardToken: Type.String(),
  ...Money,
};

/** The charge of a checkout is final and approved. */
export const CheckoutApproved = defineEvent(
  'checkout.approved',
  1,
  Type.Object({ ...CheckoutFacts, student: Contact }),
);

/** The charge of a checkout is final and declined. */
export const CheckoutDeclined = defineEvent(
  'checkout.declined',
  1,
  Type.Object({ ...CheckoutFacts, payer: Contact, declineReason: DeclineReason }),
);

/** A student was enrolled; the activation token is present until they set a password. */
export const PortalAccessGranted = defineEvent(
  'portal-access.granted',
  1,
  Type.Object({
    studentId: Type.String(),
    courseTitle: Type.String(),
    student: Contact,
    activationToken: Type.Optional(Type.String()),
  }),
);

export type DeclineReason = Static<typeof DeclineReason>;
