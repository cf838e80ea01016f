import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from '../key-ring';

/*
 * A secret that must travel to the e-mail without being readable on the way (outbox, broker,
 * dead letters, pending e-mails): sealed with AES-256-GCM by its producer and opened by the
 * mailer only while rendering.
 */

/**
 * `<key id>.<base64url of IV, tag and ciphertext>`. `boundTo` (e.g. the student id) is the
 * associated data: a sealed token moved to another student's e-mail does not open.
 */
export function sealToken(token: string, boundTo: string, keys: KeyRing): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv).setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  return `${keys.current.id}.${sealed}`;
}

/** Throws when the key is unknown, or the token was altered or bound to someone else. */
export function openToken(sealed: string, boundTo: string, keys: KeyRing): string {
  const dot = sealed.lastIndexOf('.');
  const keyId = sealed.slice(0, dot);
  const key = keys.find(keyId)?.key;
  if (dot < 0 || !key) throw new Error(`token key ${keyId} is not in the key ring`);
  const bytes = Buffer.from(sealed.slice(dot + 1), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
    .setAAD(Buffer.from(boundTo))
    .setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
