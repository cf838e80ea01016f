import { randomUUID } from 'node:crypto';
import { ChargeRequested, PixChargeOpened, type ApiSchemas } from '@checkout/contracts';
import { normalizeDocument } from '@checkout/br-documents';
import type { CardSummary, Checkout } from '../domain/checkout';
import { installmentOption } from '../domain/installments';
import type { CouponRefusal } from '../domain/coupon';
import { chargeRequestFor } from './charge-request';
import { toCheckoutView } from './checkout-view';
import { openPixCharge, pixChargeOpenedFor, type PixSettings } from './open-pix-charge';
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
  pix: PixSettings;
}

export type CheckoutRequest = ApiSchemas['CheckoutRequest'];

export type AcceptCheckoutFailure =
  | {
      reason:
        | 'idempotency_key_reused'
        | 'unknown_lead'
        | 'unknown_course'
        | 'unknown_card_token'
        | 'card_token_missing'
        | 'card_token_with_pix'
        | 'installments_with_pix';
    }
  | { reason: 'too_many_installments'; maxInstallments: number }
  | { reason: CouponRefusal }
  | { reason: 'invalid_payer_document'; detail: string }
  | { reason: 'too_many_declines'; retryAfterMs: number }
  | CheckoutConflict;

export type AcceptCheckoutResult =
  | { ok: true; status: number; checkout: ApiSchemas['Checkout'] }
  | ({ ok: false } & AcceptCheckoutFailure);

/** The first response again for the same body; a refusal for a different one. */
function replay(previous: StoredResponse, fingerprint: string): AcceptCheckoutResult {
  return previous.fingerprint === fingerprint
    ? { ok: true, status: previous.status, checkout: previous.body }
    : { ok: false, reason: 'idempotency_key_reused' };
}

/** The card behind a token, or why the token cannot back a checkout. */
async function chargeableCard(
  { store, cards }: Pick<AcceptCheckoutDeps, 'store' | 'cards'>,
  cardToken: string,
): Promise<{ card: CardSummary } | { reason: 'unknown_card_token' | 'card_token_used' }> {
  const card = await cards.findChargeableCard(cardToken);
  if (card) return { card };
  // The vault erases a card once its charge is final: a token it no longer knows may be one a
  // checkout used, which is the 409 the contract promises rather than an unknown token.
  return {
    reason: (await store.isCardTokenUsed(cardToken)) ? 'card_token_used' : 'unknown_card_token',
  };
}

/** A card token for a card payment, none with PIX (which never touches the vault). */
const cardTokenProblem = ({ paymentMethod, cardToken }: CheckoutRequest) =>
  (paymentMethod?.type ?? 'card') === 'card'
    ? !cardToken && ('card_token_missing' as const)
    : cardToken !== undefined && ('card_token_with_pix' as const);

/**
 * Accepts a checkout: the price comes from the catalogue, the lead and the card are looked up
 * before the transaction opens (no remote call inside it), and the checkout, its payer, its first
 * charge request and the response kept for its Idempotency-Key commit together. A card token backs one
 * checkout, and a lead buys a course once. A lead or client (`clientKey`, its hashed address) with
 * too many declined cards lately is refused before any card reaches the acquirer. A coupon's
 * use is taken in the same transaction, so a checkout refused for want of one leaves nothing. A
 * PIX checkout has no card: it answers with the charge the payer pays, and waits for the
 * payment's webhook.
 */
export async function acceptCheckout(
  deps: AcceptCheckoutDeps,
  idempotencyKey: string,
  request: CheckoutRequest,
  clientKey: string,
): Promise<AcceptCheckoutResult> {
  const { store, leads, declineLimits } = deps;
  const fingerprint = requestFingerprint(request);
  const previous = await store.findStoredResponse(idempotencyKey);
  if (previous) return replay(previous, fingerprint);
  const tokenProblem = cardTokenProblem(request);
  if (tokenProblem) return { ok: false, reason: tokenProblem };
  // PIX is paid in one go: installments would only add the Price table's interest to it.
  if (request.paymentMethod?.type === 'pix' && (request.installments ?? 1) > 1)
    return { ok: false, reason: 'installments_with_pix' };
  const of = { leadId: request.leadId, clientKey };
  const retryAfterMs = await waitBeforeAnotherCard(store, declineLimits, of);
  if (retryAfterMs > 0) return { ok: false, reason: 'too_many_declines', retryAfterMs };
  const documentProblem = payerDocumentProblem(request.payer.type, request.payer.document);
  if (documentProblem)
    return { ok: false, reason: 'invalid_payer_document', detail: documentProblem };
  const course = await store.findCourse(request.courseId);
  if (!course) return { ok: false, reason: 'unknown_course' };
  const price = await priceWithCoupon(
    store,
    course,
    request.couponCode,
    deps.couponPriceFloorCents,
  );
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
  const id = randomUUID();
  const now = new Date();
  let means: Pick<Checkout, 'paymentMethod' | 'cardToken' | 'card' | 'pix'>;
  if (request.cardToken) {
    const found = await chargeableCard(deps, request.cardToken);
    if ('reason' in found) return { ok: false, reason: found.reason };
    means = { paymentMethod: 'card', cardToken: request.cardToken, card: found.card };
  } else {
    means = { paymentMethod: 'pix', pix: openPixCharge(deps.pix, id, payment.totalCents, now) };
  }

  const checkout: Checkout = {
    id,
    leadId: request.leadId,
    courseId: course.id,
    courseTitle: course.title,
    ...means,
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
    ...(lead.language && { language: lead.language }),
    createdAt: now,
    clientKey,
  };
  const payer: Payer = { ...request.payer, document: normalizeDocument(request.payer.document) };
  const response = { fingerprint, status: 202, body: await toCheckoutView(checkout, []) };
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
    if (checkout.pix) tx.publish(PixChargeOpened, pixChargeOpenedFor(checkout, checkout.pix));
    else tx.publish(ChargeRequested, chargeRequestFor(checkout, 1));
    return { ok: true, status: response.status, checkout: response.body };
  });
}
