import { randomUUID } from 'node:crypto';
import { ChargeRequested, type ApiSchemas } from '@checkout/contracts';
import type { Checkout } from '../domain/checkout';
import { chargeRequestFor } from './charge-request';
import { payerDocumentProblem } from '../domain/payer';
import { requestFingerprint } from '../domain/request-fingerprint';
import type { CardDirectory, FinancialStore, LeadDirectory } from './ports';

export interface AcceptCheckoutDeps {
  store: FinancialStore;
  leads: LeadDirectory;
  cards: CardDirectory;
}

export type CheckoutRequest = ApiSchemas['CheckoutRequest'];

export type AcceptCheckoutFailure =
  | 'idempotency_key_reused'
  | 'unknown_lead'
  | 'unknown_course'
  | 'unknown_card_token'
  | 'invalid_payer_document';

export type AcceptCheckoutResult =
  | { ok: true; status: number; checkout: ApiSchemas['Checkout'] }
  | { ok: false; reason: AcceptCheckoutFailure; detail?: string };

export const toCheckoutView = (checkout: Checkout): ApiSchemas['Checkout'] => ({
  id: checkout.id,
  status: checkout.status,
  ...(checkout.declineReason && { declineReason: checkout.declineReason }),
  amountCents: checkout.amountCents,
  currency: checkout.currency,
  courseId: checkout.courseId,
  leadId: checkout.leadId,
});

/**
 * Accepts a checkout: the price comes from the catalogue, the first charge attempt is requested
 * in the same transaction, and a repeated Idempotency-Key replays the first response.
 */
export async function acceptCheckout(
  { store, leads, cards }: AcceptCheckoutDeps,
  idempotencyKey: string,
  request: CheckoutRequest,
): Promise<AcceptCheckoutResult> {
  const fingerprint = requestFingerprint(request);
  return store.transaction(async (tx) => {
    await tx.lockIdempotencyKey(idempotencyKey);
    const previous = await tx.findStoredResponse(idempotencyKey);
    if (previous) {
      return previous.fingerprint === fingerprint
        ? { ok: true, status: previous.status, checkout: previous.body }
        : { ok: false, reason: 'idempotency_key_reused' };
    }
    const documentProblem = payerDocumentProblem(request.payer.type, request.payer.document);
    if (documentProblem)
      return { ok: false, reason: 'invalid_payer_document', detail: documentProblem };
    const course = await tx.findCourse(request.courseId);
    if (!course) return { ok: false, reason: 'unknown_course' };
    const student = await leads.findLead(request.leadId);
    if (!student) return { ok: false, reason: 'unknown_lead' };
    if (!(await cards.isChargeable(request.cardToken)))
      return { ok: false, reason: 'unknown_card_token' };

    const checkout: Checkout = {
      id: randomUUID(),
      leadId: request.leadId,
      courseId: course.id,
      courseTitle: course.title,
      cardToken: request.cardToken,
      amountCents: course.priceCents,
      currency: course.currency,
      status: 'processing',
      attempts: 1,
      student,
      payer: { name: request.payer.name, email: request.payer.email },
    };
    tx.addCheckout(checkout);
    tx.publish(ChargeRequested, chargeRequestFor(checkout, 1));
    const response = { fingerprint, status: 202, body: toCheckoutView(checkout) };
    tx.storeResponse(idempotencyKey, response);
    return { ok: true, status: response.status, checkout: response.body };
  });
}
