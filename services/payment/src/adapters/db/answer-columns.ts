import type { DeclineReason } from '@checkout/contracts';
import type { AcquirerAnswer } from '../../domain/simulated-acquirer';

/** An answer as the tables keep it (outcome, decline reason or null), and back. */
export const toAnswerColumns = (answer: AcquirerAnswer) => ({
  outcome: answer.outcome,
  declineReason: answer.outcome === 'declined' ? answer.declineReason : null,
});

export function fromAnswerColumns(row: {
  outcome: AcquirerAnswer['outcome'];
  declineReason?: DeclineReason | null;
}): AcquirerAnswer {
  if (row.outcome !== 'declined') return { outcome: row.outcome };
  return { outcome: 'declined', declineReason: row.declineReason ?? 'card_declined' };
}
