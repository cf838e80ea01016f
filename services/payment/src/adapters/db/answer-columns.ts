import type { DeclineReason } from '@checkout/contracts';
import type { AcquirerAnswer } from '../../domain/simulated-acquirer';

/** An answer as the tables keep it (outcome, decline reason or null), and back. */
export const toAnswerColumns = (answer: AcquirerAnswer) => ({
  outcome: answer.outcome,
  declineReason: answer.outcome === 'declined' ? answer.declineReason : null,
});

/** The two columns as plain SQL reads them. */
export interface AnswerRow {
  outcome: AcquirerAnswer['outcome'];
  decline_reason: DeclineReason | null;
}

export function fromAnswerColumns(row: AnswerRow): AcquirerAnswer {
  if (row.outcome !== 'declined') return { outcome: row.outcome };
  return { outcome: 'declined', declineReason: row.decline_reason ?? 'card_declined' };
}
