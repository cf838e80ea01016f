import type { EventData, PixChargeOpened } from '@checkout/contracts';
import { toString as qrCodeAs } from 'qrcode';
import { brCode, txidOf } from '../domain/br-code';
import type { Checkout, PixCharge } from '../domain/checkout';

/** The seller's PIX receiving account and how long a charge may be paid (PIX_* settings). */
export interface PixSettings {
  pixKey: string;
  merchantName: string;
  merchantCity: string;
  expiryMs: number;
}

/** The PIX charge of a checkout: its amount to the seller's key, named by the checkout's txid. */
export function openPixCharge(
  settings: PixSettings,
  checkoutId: string,
  amountCents: number,
  now: Date,
): PixCharge {
  const txid = txidOf(checkoutId);
  const { pixKey, merchantName, merchantCity } = settings;
  return {
    txid,
    brCode: brCode({ pixKey, merchantName, merchantCity, amountCents, txid }),
    expiresAt: new Date(now.getTime() + settings.expiryMs),
  };
}

/** The BR Code as a QR code to scan, an SVG document (medium error correction, as banks print). */
export const pixQrCodeSvg = (code: string) =>
  qrCodeAs(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

/** What payment needs to match the provider's webhook to the checkout. */
export const pixChargeOpenedFor = (
  checkout: Checkout,
  pix: PixCharge,
): EventData<typeof PixChargeOpened> => ({
  checkoutId: checkout.id,
  txid: pix.txid,
  amountCents: checkout.amountCents,
  currency: checkout.currency,
  expiresAt: pix.expiresAt.toISOString(),
});
