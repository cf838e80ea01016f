import type { DeclineReason } from '@checkout/contracts';

export type CheckoutStatus = 'processing' | 'approved' | 'declined';

export interface Contact {
  name: string;
  email: string;
}

export interface Checkout {
  id: string;
  leadId: string;
  courseId: string;
  courseTitle: string;
  cardToken: string;
  amountCents: number;
  currency: 'BRL';
  status: CheckoutStatus;
  declineReason?: DeclineReason;
  attempts: number;
  student: Contact;
  payer: Contact;
}

/** What happens after an attempt: a final answer, or another attempt after a pause. */
export type NextStep =
  | { kind: 'approve' }
  | { kind: 'decline'; reason: DeclineReason }
  | { kind: 'retry'; attempt: number; delayMs: number };

export const maxChargeAttempts = 4;
const firstRetryDelayMs = 500;

export function nextStepAfterAttempt(
  attempt: number,
  outcome: 'approved' | 'declined' | 'gateway_error',
  declineReason: DeclineReason = 'card_declined',
): NextStep {
  if (outcome === 'approved') return { kind: 'approve' };
  if (outcome === 'declined') return { kind: 'decline', reason: declineReason };
  if (attempt >= maxChargeAttempts) return { kind: 'decline', reason: 'processing_error' };
  return { kind: 'retry', attempt: attempt + 1, delayMs: firstRetryDelayMs * 2 ** (attempt - 1) };
}
