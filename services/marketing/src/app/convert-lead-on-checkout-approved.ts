import type { LeadStore } from './ports';

/** A lead whose checkout was approved is now a client. */
export async function convertLeadOnCheckoutApproved(
  store: LeadStore,
  eventId: string,
  leadId: string,
): Promise<void> {
  await store.handleOnce(eventId, 'marketing.convert-lead', (leads) => leads.markClient(leadId));
}
