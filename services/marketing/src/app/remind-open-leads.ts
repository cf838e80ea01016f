import { LeadReminderDue } from '@checkout/contracts';
import type { Logger } from '@checkout/service-kit';
import type { LeadStore } from './ports';

const batchSize = 50;

/**
 * Reminds, once, each lead still open `delayMs` after it was registered: the lead is marked
 * reminded and its reminder event goes into the outbox in the same transaction, so a reminder is
 * neither lost nor sent twice. Rows are claimed with SKIP LOCKED, so replicas share the work; a
 * reminder that fell due while the platform was down is simply due when it comes back. Returns
 * how many leads it reminded.
 */
export async function remindOpenLeads(
  { store, logger }: { store: LeadStore; logger: Logger },
  delayMs: number,
  now = new Date(),
): Promise<number> {
  const reminded = await store.remindersTransaction(async (tx) => {
    const due = await tx.claimDueReminders(new Date(now.getTime() - delayMs), batchSize);
    for (const lead of due) {
      const { id: leadId, name, email, courseId, courseTitle, language } = lead;
      tx.publish(LeadReminderDue, { leadId, name, email, courseId, courseTitle, language });
    }
    return due.length;
  });
  if (reminded > 0) logger.info({ reminded }, 'lead reminders due');
  if (reminded < batchSize) return reminded;
  return reminded + (await remindOpenLeads({ store, logger }, delayMs, now));
}
