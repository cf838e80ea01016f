import type { CheckoutApproved } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import type { LeadStore } from './ports';

/** A lead whose checkout was approved is now a client. */
export async function convertLeadOnCheckoutApproved(
  store: LeadStore,
  { data, ...delivery }: ReceivedEvent<typeof CheckoutApproved>,
): Promise<void> {
  await store.handleOnce(delivery, (leads) => leads.markClient(data.leadId));
}
