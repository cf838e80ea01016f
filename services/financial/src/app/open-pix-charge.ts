import type { EventData, PixChargeOpened } from '@checkout/contracts';
import { LRUCache } from 'lru-cache';
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

/**
 * QR codes already drawn, by BR Code, up to 8 MB (about 2,000 of them): the payer's page polls its
 * checkout until the PIX is paid, and drawing one costs ~2 ms of CPU where the cache costs none.
 */
const drawnQrCodes = new LRUCache<string, string>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (svg) => svg.length,
});

/** The BR Code as a QR code to scan, an SVG document (medium error correction, as banks print). */
export async function pixQrCodeSvg(code: string): Promise<string> {
  const svg =
    drawnQrCodes.get(code) ??
    (await qrCodeAs(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  drawnQrCodes.set(code, svg);
  return svg;
}

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
