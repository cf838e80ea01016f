import type { Lead } from '../domain/lead';

export interface LeadStore {
  add(lead: Lead): Promise<void>;
  find(id: string): Promise<Lead | undefined>;
  /** Runs `work` unless this consumer already handled the event. */
  handleOnce(
    eventId: string,
    consumer: string,
    work: (leads: { markClient(id: string): Promise<void> }) => Promise<void>,
  ): Promise<void>;
}
