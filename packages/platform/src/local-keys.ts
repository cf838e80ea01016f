import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local stand-in for the secret store: a key ring (`card-encryption-keys`,
 * `activation-token-keys`, `pix-webhook-keys`) made on first start and kept under the data directory (mode 600),
 * so what was sealed before a restart can still be opened.
 */
export function loadOrCreateKeys(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const keys = `local-1:${randomBytes(32).toString('base64')}`;
  writeFileSync(file, `${keys}\n`, { mode: 0o600 });
  return keys;
}
