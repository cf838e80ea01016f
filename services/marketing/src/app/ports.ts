import type { Inbox, Transaction } from '@checkout/service-kit';
import type { Lead } from '../domain/lead';

/** What an event may do to leads, in the transaction that records it in the inbox. */
export interface LeadConversions {
  markClient(id: string): Promise<void>;
}

export interface ReminderTransaction {
  /**
   * Open leads registered before `registeredBefore` and never reminded, locked and marked
   * reminded; rows another replica holds are skipped.
   */
  claimDueReminders(registeredBefore: Date, limit: number): Promise<Lead[]>;
  publish: Transaction['publish'];
}

export interface LeadStore extends Inbox<LeadConversions> {
  /**
   * Adds the lead, unless an open lead has its e-mail and course: that one then takes the new
   * details (and keeps its id). Concurrent calls settle on one lead in the database itself.
   */
  register(lead: Lead): Promise<{ lead: Lead; created: boolean }>;
  find(id: string): Promise<Lead | undefined>;
  remindersTransaction<R>(work: (tx: ReminderTransaction) => Promise<R>): Promise<R>;
}

export interface Course {
  id: string;
  title: string;
}

/** The course catalogue, owned by financial. */
export interface CourseCatalogue {
  findCourse(id: string): Promise<Course | undefined>;
}
