import type { DeclineReason, Language } from '@checkout/contracts';
import type { ChargeAttemptRecord, Checkout, Contact } from '../../domain/checkout';
import type { Payer } from '../../domain/payer';

/** Financial's rows as plain SQL reads them, and the domain's shapes: nulls become absent fields. */
export interface CheckoutRow {
  id: string;
  lead_id: string;
  course_id: string;
  course_title: string;
  payment_method: Checkout['paymentMethod'];
  card_token: string | null;
  pix_txid: string | null;
  pix_br_code: string | null;
  pix_expires_at: Date | null;
  amount_cents: number;
  currency: 'BRL';
  installments: number;
  installment_cents: number | null;
  last_installment_cents: number | null;
  coupon_code: string | null;
  discount_cents: number | null;
  status: Checkout['status'];
  decline_reason: DeclineReason | null;
  attempts: number;
  recoveries: number;
  student: Contact;
  payer: Contact;
  card_brand: string | null;
  card_last4: string | null;
  language: Language | null;
  created_at: Date;
  decided_at: Date | null;
  client_key: string | null;
  refund_requested_at: Date | null;
  refunded_at: Date | null;
}

export interface PayerRow {
  type: Payer['type'];
  name: string;
  email: string;
  document: string;
  phone: string;
  postal_code: string;
  street: string;
  number: string;
  complement: string | null;
  district: string;
  city: string;
  state: string;
}

export interface AttemptRow {
  number: number;
  outcome: ChargeAttemptRecord['outcome'];
  decline_reason: DeclineReason | null;
  at: Date;
}

export const toCheckout = (row: CheckoutRow): Checkout => ({
  id: row.id,
  leadId: row.lead_id,
  courseId: row.course_id,
  courseTitle: row.course_title,
  paymentMethod: row.payment_method,
  ...(row.card_token && { cardToken: row.card_token }),
  ...(row.pix_txid &&
    row.pix_br_code &&
    row.pix_expires_at && {
      pix: { txid: row.pix_txid, brCode: row.pix_br_code, expiresAt: row.pix_expires_at },
    }),
  amountCents: row.amount_cents,
  currency: row.currency,
  // Checkouts taken before installments (0009) were one payment.
  installments:
    row.installment_cents !== null && row.last_installment_cents !== null
      ? {
          count: row.installments,
          installmentCents: row.installment_cents,
          lastInstallmentCents: row.last_installment_cents,
        }
      : {
          count: 1,
          installmentCents: row.amount_cents,
          lastInstallmentCents: row.amount_cents,
        },
  ...(row.coupon_code !== null &&
    row.discount_cents !== null && {
      coupon: { code: row.coupon_code, discountCents: row.discount_cents },
    }),
  status: row.status,
  ...(row.decline_reason && { declineReason: row.decline_reason }),
  attempts: row.attempts,
  recoveries: row.recoveries,
  student: row.student,
  payer: row.payer,
  ...(row.card_brand &&
    row.card_last4 && { card: { brand: row.card_brand, last4: row.card_last4 } }),
  ...(row.language && { language: row.language }),
  createdAt: row.created_at,
  ...(row.decided_at && { decidedAt: row.decided_at }),
  ...(row.client_key && { clientKey: row.client_key }),
  ...(row.refund_requested_at && { refundRequestedAt: row.refund_requested_at }),
  ...(row.refunded_at && { refundedAt: row.refunded_at }),
});

/**
 * A checkout's columns, which an insert writes and a read selects. Reads name their columns:
 * statements are prepared, and a prepared `select *` fails once a migration adds a column.
 */
export const checkoutColumns = `"id", "lead_id", "course_id", "course_title", "card_token",
  "amount_cents", "currency", "status", "decline_reason", "attempts", "recoveries", "student",
  "payer", "card_brand", "card_last4", "language", "created_at", "updated_at", "decided_at",
  "client_key", "installments", "installment_cents", "last_installment_cents", "coupon_code",
  "discount_cents", "payment_method", "pix_txid", "pix_br_code", "pix_expires_at",
  "refund_requested_at", "refunded_at"`;

export const checkoutValues = (checkout: Checkout) => [
  checkout.id,
  checkout.leadId,
  checkout.courseId,
  checkout.courseTitle,
  checkout.cardToken ?? null,
  checkout.amountCents,
  checkout.currency,
  checkout.status,
  checkout.declineReason ?? null,
  checkout.attempts,
  checkout.recoveries,
  checkout.student,
  checkout.payer,
  checkout.card?.brand ?? null,
  checkout.card?.last4 ?? null,
  checkout.language ?? null,
  checkout.createdAt,
  checkout.createdAt,
  checkout.decidedAt ?? null,
  checkout.clientKey ?? null,
  checkout.installments.count,
  checkout.installments.installmentCents,
  checkout.installments.lastInstallmentCents,
  checkout.coupon?.code ?? null,
  checkout.coupon?.discountCents ?? null,
  checkout.paymentMethod,
  checkout.pix?.txid ?? null,
  checkout.pix?.brCode ?? null,
  checkout.pix?.expiresAt ?? null,
  checkout.refundRequestedAt ?? null,
  checkout.refundedAt ?? null,
];

export const payerColumns = `"checkout_id", "type", "name", "email", "document", "phone",
  "postal_code", "street", "number", "complement", "district", "city", "state"`;

export const payerValues = (checkoutId: string, { address, ...payer }: Payer) => [
  checkoutId,
  payer.type,
  payer.name,
  payer.email,
  payer.document,
  payer.phone,
  address.postalCode,
  address.street,
  address.number,
  address.complement ?? null,
  address.district,
  address.city,
  address.state,
];

export const toPayer = (row: PayerRow): Payer => ({
  type: row.type,
  name: row.name,
  email: row.email,
  document: row.document,
  phone: row.phone,
  address: {
    postalCode: row.postal_code,
    street: row.street,
    number: row.number,
    ...(row.complement && { complement: row.complement }),
    district: row.district,
    city: row.city,
    state: row.state,
  },
});

export const toAttempt = (row: AttemptRow): ChargeAttemptRecord => ({
  number: row.number,
  outcome: row.outcome,
  ...(row.decline_reason && { declineReason: row.decline_reason }),
  at: row.at,
});

/** A checkout's changed scalar fields as `"column" = $n` pairs, numbered from `first`. */
export function checkoutChanges(changes: Partial<Checkout>, first: number) {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  return {
    assignments: entries.map(
      ([field], i) => `"${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}" = $${first + i}`,
    ),
    values: entries.map(([, value]) => value),
  };
}
