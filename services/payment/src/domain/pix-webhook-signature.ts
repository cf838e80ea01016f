import { createHmac, timingSafeEqual } from 'node:crypto';

/** A key the PSP and the platform share, by id so it can rotate (the secret store's key ring). */
export interface SigningKey {
  id: string;
  key: Buffer;
}

/** How far a signature's time may be from ours: an older request is a replay, refused. */
export const signatureToleranceMs = 5 * 60 * 1000;

const hmac = (key: Buffer, timestamp: string, rawBody: Buffer) =>
  createHmac('sha256', key).update(`${timestamp}.`).update(rawBody).digest('hex');

/**
 * The `Pix-Signature` header of a webhook: `t=<unix seconds>,kid=<key id>,v1=<hex>`, where v1
 * is the HMAC-SHA256 of `<t>.<raw body>`. The time is inside what is signed, so a captured
 * request cannot be sent again later with a new time.
 */
export function signPixWebhook(key: SigningKey, rawBody: Buffer, now: Date): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return `t=${timestamp},kid=${key.id},v1=${hmac(key.key, timestamp, rawBody)}`;
}

export type SignatureProblem = 'missing' | 'malformed' | 'unknown_key' | 'mismatch' | 'stale';

/** Why a webhook's signature does not prove it came from the PSP now; undefined when it does. */
export function pixWebhookSignatureProblem(
  header: string | undefined,
  rawBody: Buffer,
  findKey: (id: string) => SigningKey | undefined,
  now: Date,
): SignatureProblem | undefined {
  if (!header) return 'missing';
  const parts = new Map(
    header.split(',').map((part) => part.trim().split('=', 2) as [string, string]),
  );
  const timestamp = parts.get('t');
  const keyId = parts.get('kid');
  const signature = parts.get('v1');
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !keyId || !signature) return 'malformed';
  const key = findKey(keyId);
  if (!key) return 'unknown_key';
  const expected = Buffer.from(hmac(key.key, timestamp, rawBody), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'mismatch';
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > signatureToleranceMs) return 'stale';
  return undefined;
}
