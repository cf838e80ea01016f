import type { Inbox } from '@checkout/service-kit';
import type { Lead } from '../domain/lead';

/** What an event may do to leads, in the transaction that records it in the inbox. */
export interface LeadConversions {
  markClient(id: string): Promise<void>;
}

export interface LeadStore extends Inbox<LeadConversions> {
  add(lead: Lead): Promise<void>;
  find(id: string): Promise<Lead | undefined>;
}
