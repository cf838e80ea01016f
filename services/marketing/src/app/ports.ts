import type { Transaction } from '@checkout/service-kit';
import type { Lead } from '../domain/lead';

export interface ReminderTransaction {
  /**
   * Open leads registered before `registeredBefore` and never reminded, locked and marked
   * reminded; rows another replica holds are skipped.
   */
  claimDueReminders(registeredBefore: Date, limit: number): Promise<Lead[]>;
  publish: Transaction['publish'];
}

/**
 * The leads. The one thing an event does to a lead (make it a client) is idempotent, so marketing
 * keeps no inbox: a redelivered event finds the lead a client already and changes nothing.
 */
export interface LeadStore {
  /**
   * Adds the lead, unless an open lead has its e-mail and course: that one then takes the new
   * details (and keeps its id). Concurrent calls settle on one lead in the database itself.
   */
  register(lead: Lead): Promise<{ lead: Lead; created: boolean }>;
  find(id: string): Promise<Lead | undefined>;
  /** An open lead becomes a client; any other lead stays as it is. */
  markClient(id: string): Promise<void>;
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
