import type { CheckoutApproved } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import type { LeadStore } from './ports';

/** A lead whose checkout was approved is now a client (again, if redelivered: no change). */
export async function convertLeadOnCheckoutApproved(
  store: LeadStore,
  { data }: ReceivedEvent<typeof CheckoutApproved>,
): Promise<void> {
  await store.markClient(data.leadId);
}
