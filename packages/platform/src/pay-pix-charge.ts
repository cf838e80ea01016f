import { randomBytes } from 'node:crypto';
import { txidOf } from '@checkout/financial';
import { signPixWebhook } from '@checkout/payment';
import type { KeyRing } from '@checkout/service-kit';

/** What the simulated PIX provider sends when a charge is paid, and what the platform said. */
export interface PixPaymentResult {
  endToEndId: string;
  status: number;
  body: unknown;
}

/** An end-to-end id as the PIX system makes them: E, the payer bank's ISPB, time, sequence. */
const newEndToEndId = (now: Date) =>
  `E00000000${now.toISOString().replace(/\D/g, '').slice(0, 12)}${randomBytes(6).toString('hex')}`;

/** Reais with two decimals, as the Banco Central's API Pix writes an amount. */
const valorOf = (cents: number) =>
  `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * The simulated PSP paying a pending PIX charge: the webhook the provider sends, signed with the
 * current key shared with the platform. A 404 (the charge not yet known to payment, whose event
 * may be on its way) is sent again a few times, as a provider retries.
 */
export async function payPixCharge(
  baseUrl: string,
  webhookKeys: KeyRing,
  checkout: { id: string; amountCents: number },
  endToEndId = newEndToEndId(new Date()),
): Promise<PixPaymentResult> {
  const body = Buffer.from(
    JSON.stringify({
      pix: [
        {
          endToEndId,
          txid: txidOf(checkout.id),
          valor: valorOf(checkout.amountCents),
          horario: new Date().toISOString(),
        },
      ],
    }),
  );
  for (let tries = 1; ; tries++) {
    const response = await fetch(`${baseUrl}/api/v1/webhooks/pix`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'pix-signature': signPixWebhook(webhookKeys.current, body, new Date()),
      },
      body,
    });
    if (response.status !== 404 || tries === 10)
      return { endToEndId, status: response.status, body: await response.json() };
    await new Promise((resolve) => setTimeout(resolve, 300 * tries));
  }
}
