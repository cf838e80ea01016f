import { randomUUID } from 'node:crypto';
import { ChargeRequested, installmentsLabel, type ApiSchemas } from '@checkout/contracts';
import { normalizeDocument } from '@checkout/br-documents';
import type { ChargeAttemptRecord, Checkout, Installments } from '../domain/checkout';
import { installmentOption } from '../domain/installments';
import type { CouponRefusal } from '../domain/coupon';
import { chargeRequestFor } from './charge-request';
import { priceWithCoupon } from './price-with-coupon';
import { payerDocumentProblem, type Payer } from '../domain/payer';
import { requestFingerprint } from '../domain/request-fingerprint';
import type {
  CardDirectory,
  CheckoutConflict,
  FinancialStore,
  LeadDirectory,
  StoredResponse,
} from './ports';
import { waitBeforeAnotherCard, type DeclineLimits } from './wait-before-another-card';

export interface AcceptCheckoutDeps {
  store: FinancialStore;
  leads: LeadDirectory;
  cards: CardDirectory;
  declineLimits: DeclineLimits;
  /** No coupon takes a price below this (COUPON_PRICE_FLOOR_CENTS). */
  couponPriceFloorCents: number;
}

export type CheckoutRequest = ApiSchemas['CheckoutRequest'];

export type AcceptCheckoutFailure =
  | { reason: 'idempotency_key_reused' | 'unknown_lead' | 'unknown_course' | 'unknown_card_token' }
  | { reason: 'too_many_installments'; maxInstallments: number }
  | { reason: CouponRefusal }
  | { reason: 'invalid_payer_document'; detail: string }
  | { reason: 'too_many_declines'; retryAfterMs: number }
  | CheckoutConflict;

export type AcceptCheckoutResult =
  | { ok: true; status: number; checkout: ApiSchemas['Checkout'] }
  | ({ ok: false } & AcceptCheckoutFailure);

/** The installments as the view shows them: with a pt-BR label when there are several. */
const installmentsView = ({ count, installmentCents, lastInstallmentCents }: Installments) => ({
  count,
  installmentCents,
  lastInstallmentCents,
  ...(count > 1 && { label: installmentsLabel(count, installmentCents, 'pt-BR') }),
});

/** What the API shows of a checkout: its money and history, never its card or payer. */
export const toCheckoutView = (
  checkout: Checkout,
  attempts: ChargeAttemptRecord[],
): ApiSchemas['Checkout'] => ({
  id: checkout.id,
  status: checkout.status,
  ...(checkout.declineReason && { declineReason: checkout.declineReason }),
  amountCents: checkout.amountCents,
  currency: checkout.currency,
  installments: installmentsView(checkout.installments),
  ...(checkout.coupon && { coupon: checkout.coupon }),
  courseId: checkout.courseId,
  leadId: checkout.leadId,
  createdAt: checkout.createdAt.toISOString(),
  ...(checkout.decidedAt && { decidedAt: checkout.decidedAt.toISOString() }),
  attempts: attempts.map((attempt) => ({
    number: attempt.number,
    outcome: attempt.outcome,
    ...(attempt.declineReason && { declineReason: attempt.declineReason }),
    at: attempt.at.toISOString(),
  })),
});

/** The first response again for the same body; a refusal for a different one. */
function replay(previous: StoredResponse, fingerprint: string): AcceptCheckoutResult {
  return previous.fingerprint === fingerprint
    ? { ok: true, status: previous.status, checkout: previous.body }
    : { ok: false, reason: 'idempotency_key_reused' };
}

/**
 * Accepts a checkout: the price comes from the catalogue, the lead and the card are looked up
 * before the transaction opens (no remote call inside it), and the checkout, its payer, its first
 * charge request and the response kept for its Idempotency-Key commit together. A card token backs one
 * checkout, and a lead buys a course once. A lead or client (`clientKey`, its hashed address) with
 * too many declined cards lately is refused before any card reaches the acquirer. A coupon's
 * use is taken in the same transaction, so a checkout refused for want of one leaves nothing.
 */
export async function acceptCheckout(
  { store, leads, cards, declineLimits, couponPriceFloorCents }: AcceptCheckoutDeps,
  idempotencyKey: string,
  request: CheckoutRequest,
  clientKey: string,
): Promise<AcceptCheckoutResult> {
  const fingerprint = requestFingerprint(request);
  const previous = await store.findStoredResponse(idempotencyKey);
  if (previous) return replay(previous, fingerprint);
  const of = { leadId: request.leadId, clientKey };
  const retryAfterMs = await waitBeforeAnotherCard(store, declineLimits, of);
  if (retryAfterMs > 0) return { ok: false, reason: 'too_many_declines', retryAfterMs };
  const documentProblem = payerDocumentProblem(request.payer.type, request.payer.document);
  if (documentProblem)
    return { ok: false, reason: 'invalid_payer_document', detail: documentProblem };
  const course = await store.findCourse(request.courseId);
  if (!course) return { ok: false, reason: 'unknown_course' };
  const price = await priceWithCoupon(store, course, request.couponCode, couponPriceFloorCents);
  if (!price.ok) return price;
  const { maxInstallments } = course.installmentPlan;
  const payment = installmentOption(
    price.priceCents,
    course.installmentPlan,
    request.installments ?? 1,
  );
  if (!payment) return { ok: false, reason: 'too_many_installments', maxInstallments };
  const lead = await leads.findLead(request.leadId);
  if (!lead) return { ok: false, reason: 'unknown_lead' };
  const card = await cards.findChargeableCard(request.cardToken);
  // The vault erases a card once its charge is final: a token it no longer knows may be one a
  // checkout used, which is the 409 the contract promises rather than an unknown token.
  if (!card) {
    const used = await store.isCardTokenUsed(request.cardToken);
    return { ok: false, reason: used ? 'card_token_used' : 'unknown_card_token' };
  }

  const checkout: Checkout = {
    id: randomUUID(),
    leadId: request.leadId,
    courseId: course.id,
    courseTitle: course.title,
    cardToken: request.cardToken,
    amountCents: payment.totalCents,
    currency: course.currency,
    installments: {
      count: payment.count,
      installmentCents: payment.installmentCents,
      lastInstallmentCents: payment.lastInstallmentCents,
    },
    ...(price.coupon && { coupon: price.coupon }),
    status: 'processing',
    attempts: 1,
    recoveries: 0,
    student: { name: lead.name, email: lead.email },
    payer: { name: request.payer.name, email: request.payer.email },
    card,
    ...(lead.language && { language: lead.language }),
    createdAt: new Date(),
    clientKey,
  };
  const payer: Payer = { ...request.payer, document: normalizeDocument(request.payer.document) };
  const response = { fingerprint, status: 202, body: toCheckoutView(checkout, []) };
  return store.transaction(async (tx): Promise<AcceptCheckoutResult> => {
    if (!(await tx.claimIdempotencyKey(idempotencyKey, response))) {
      // Another request with this key committed meanwhile: answer as it did.
      return replay((await tx.findStoredResponse(idempotencyKey))!, fingerprint);
    }
    const coupon = checkout.coupon?.code;
    if (coupon && !(await tx.takeCouponUse(coupon))) {
      await tx.releaseIdempotencyKey(idempotencyKey);
      return { ok: false, reason: 'coupon_used_up' };
    }
    const conflict = await tx.addCheckout(checkout);
    if (conflict) {
      if (coupon) await tx.giveBackCouponUse(coupon);
      await tx.releaseIdempotencyKey(idempotencyKey);
      return { ok: false, ...conflict };
    }
    await tx.addPayer(checkout.id, payer);
    tx.publish(ChargeRequested, chargeRequestFor(checkout, 1));
    return { ok: true, status: response.status, checkout: response.body };
  });
}
