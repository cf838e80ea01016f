import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local stand-in for the secret store: a secret made on first start and kept under the data
 * directory (mode 600), so that it stays the same across restarts.
 */
function loadOrCreateSecret(dataDir: string, name: string, make: () => string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = make();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * A key ring (`card-encryption-keys`, `activation-token-keys`): what was sealed before a restart
 * can still be opened.
 */
export const loadOrCreateKeys = (dataDir: string, name: string): string =>
  loadOrCreateSecret(dataDir, name, () => `local-1:${randomBytes(32).toString('base64')}`);

/** The seller API key (`seller-api-key`): the seller reads it from this file under DATA_DIR. */
export const loadOrCreateSellerApiKey = (dataDir: string): string =>
  loadOrCreateSecret(dataDir, 'seller-api-key', () => randomBytes(32).toString('base64url'));
