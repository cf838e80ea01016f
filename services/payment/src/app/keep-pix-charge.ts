import type { PixChargeOpened } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import type { PixChargeStore } from './pix-ports';

/** Keeps a PIX charge financial opened, so its payment can be matched to it (once per event). */
export async function keepPixCharge(
  store: PixChargeStore,
  { data, ...delivery }: ReceivedEvent<typeof PixChargeOpened>,
): Promise<void> {
  await store.handleOnce(delivery, (tx) =>
    tx.keepCharge({
      txid: data.txid,
      checkoutId: data.checkoutId,
      amountCents: data.amountCents,
      expiresAt: new Date(data.expiresAt),
    }),
  );
}
