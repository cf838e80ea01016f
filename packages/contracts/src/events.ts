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
/** The languages the platform writes to people in; a lead picks one, e-mails to them follow it. */
export const Language = Type.Union([Type.Literal('pt-BR'), Type.Literal('en')]);
export const languages = Language.anyOf.map((literal) => literal.const);
/**
 * Added within v1 (optional, so earlier producers and consumers are unaffected): the language of
 * the person the event is about, which their e-mails use. Absent, the platform default applies.
 */
const InLanguage = { language: Type.Optional(Language) };
/**
 * Added within v1 (optional, so earlier producers and consumers are unaffected): how the total
 * (`amountCents`) is paid. Absent, it is one payment.
 */
const Installments = {
  installments: Type.Optional(
    Type.Object({
      count: Type.Integer({ minimum: 1 }),
      installmentCents: Type.Integer({ minimum: 1 }),
      /** The last installment absorbs the rounding, so the installments add up to the total. */
      lastInstallmentCents: Type.Integer({ minimum: 1 }),
    }),
  ),
};
const DeclineReason = Type.Union([
  Type.Literal('card_declined'),
  Type.Literal('insufficient_funds'),
  Type.Literal('processing_error'),
  /** Added within v1: a PIX charge not paid before its expiry. */
  Type.Literal('expired'),
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
    /**
     * Added within v1 (optional): the total (`amountCents`) is charged in this many installments;
     * absent, in one.
     */
    installments: Type.Optional(Type.Integer({ minimum: 1 })),
    /**
     * Added within v1 (optional): the sweeper's last request for an attempt that never got an
     * answer. Payment reports the attempt's charge if there was one, and otherwise declines it
     * with processing_error without charging: a checkout is never declined while its card may
     * have been charged.
     */
    lastCall: Type.Optional(Type.Boolean()),
  }),
);

/**
 * Financial opened a PIX charge for a checkout: payment keeps it, to match the provider's
 * webhook (by txid) to the checkout and its amount. Its payment comes back as attempt 1.
 */
export const PixChargeOpened = defineEvent(
  'pix-charge.opened',
  1,
  Type.Object({
    checkoutId: Type.String(),
    txid: Type.String(),
    ...Money,
    /** ISO 8601, UTC. */
    expiresAt: Type.String(),
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
  /** Optional within v1: absent on a checkout paid by PIX, which has no card. */
  cardToken: Type.Optional(Type.String()),
  ...Money,
  ...Installments,
  /**
   * Added within v1 (optional): the coupon the checkout used and what it took off the course
   * price; `amountCents` is the total after it.
   */
  coupon: Type.Optional(
    Type.Object({ code: Type.String(), discountCents: Type.Integer({ minimum: 0 }) }),
  ),
  /** The buyer's language, from the lead. */
  ...InLanguage,
};

/**
 * What the payer's receipt shows, and nothing more: the document only masked, no address, no
 * phone, the card only by brand and last four digits.
 */
const Receipt = Type.Object({
  payer: Type.Object({
    type: Type.Union([Type.Literal('individual'), Type.Literal('company')]),
    name: Type.String(),
    email: Type.String(),
    maskedDocument: Type.String(),
  }),
  /** Optional within v1: absent when paid by PIX (`paymentMethod`). */
  card: Type.Optional(
    Type.Object({ brand: Type.String(), last4: Type.String({ pattern: '^[0-9]{4}$' }) }),
  ),
  /** Added within v1 (optional): how the payer paid; absent, by card. */
  paymentMethod: Type.Optional(Type.Union([Type.Literal('card'), Type.Literal('pix')])),
  /** ISO 8601, UTC. */
  approvedAt: Type.String(),
});

/** The charge of a checkout is final and approved. */
export const CheckoutApproved = defineEvent(
  'checkout.approved',
  1,
  Type.Object({
    ...CheckoutFacts,
    student: Contact,
    /**
     * Added within v1 (optional): the payer's receipt. An approval without it (from an earlier
     * producer, or a checkout whose payer was not kept) sends no receipt.
     */
    receipt: Type.Optional(Receipt),
  }),
);

/** The charge of a checkout is final and declined. */
export const CheckoutDeclined = defineEvent(
  'checkout.declined',
  1,
  Type.Object({ ...CheckoutFacts, payer: Contact, declineReason: DeclineReason }),
);

/** The seller refunded an approved checkout: payment gives the money back, once per checkout. */
export const RefundRequested = defineEvent(
  'refund.requested',
  1,
  Type.Object({
    checkoutId: Type.String(),
    paymentMethod: Type.Union([Type.Literal('card'), Type.Literal('pix')]),
    ...Money,
    /** ISO 8601, UTC. */
    requestedAt: Type.String(),
  }),
);

/** The acquirer (card) or the PIX provider (devolução) gave the checkout's money back. */
export const ChargeRefunded = defineEvent(
  'charge.refunded',
  1,
  Type.Object({
    checkoutId: Type.String(),
    ...Money,
    /** ISO 8601, UTC. */
    refundedAt: Type.String(),
  }),
);

/**
 * The checkout's money went back to the payer: the student loses access to the course, and
 * student and payer are told.
 */
export const CheckoutRefunded = defineEvent(
  'checkout.refunded',
  1,
  Type.Object({
    ...CheckoutFacts,
    student: Contact,
    payer: Contact,
    paymentMethod: Type.Union([Type.Literal('card'), Type.Literal('pix')]),
    /** ISO 8601, UTC. */
    refundedAt: Type.String(),
  }),
);

/**
 * A student was enrolled; the activation token is present until they set a password.
 * Version 1 carried the token in clear (readable in outboxes, the broker and dead letters);
 * superseded by version 2 and published by no one since.
 */
export const PortalAccessGrantedV1 = defineEvent(
  'portal-access.granted',
  1,
  Type.Object({
    studentId: Type.String(),
    courseTitle: Type.String(),
    student: Contact,
    activationToken: Type.Optional(Type.String()),
  }),
);

/**
 * A student was enrolled. Until they set a password it carries their activation token sealed
 * for notification (AES-256-GCM with the activation-token keys, bound to the student id);
 * only the access e-mail holds it in clear.
 */
export const PortalAccessGranted = defineEvent(
  'portal-access.granted',
  2,
  Type.Object({
    studentId: Type.String(),
    courseTitle: Type.String(),
    student: Contact,
    sealedActivationToken: Type.Optional(Type.String()),
    ...InLanguage,
  }),
);

/**
 * A lead is still open (no approved checkout) the reminder delay after it was registered: it gets
 * one reminder, linking to the course to resume the purchase. Published once per lead.
 */
export const LeadReminderDue = defineEvent(
  'lead.reminder-due',
  1,
  Type.Object({
    leadId: Type.String(),
    name: Type.String(),
    email: Type.String(),
    courseId: Type.String(),
    courseTitle: Type.String(),
    ...InLanguage,
  }),
);

/**
 * A student asked for a new link (POST /access/requests): activation while they have no password,
 * password reset otherwise. Every earlier unused link of theirs no longer works. The token is
 * sealed for notification as in PortalAccessGranted v2.
 */
export const AccessLinkIssued = defineEvent(
  'access-link.issued',
  1,
  Type.Object({
    studentId: Type.String(),
    student: Contact,
    purpose: Type.Union([Type.Literal('activation'), Type.Literal('password-reset')]),
    sealedToken: Type.String(),
    ...InLanguage,
  }),
);

export type DeclineReason = Static<typeof DeclineReason>;
export type Language = Static<typeof Language>;
export type AccessLinkPurpose = EventData<typeof AccessLinkIssued>['purpose'];
