import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** A random bearer secret (256 bits) and the hash under which it is stored. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** scrypt's cost: N = 2^ln, block size r, parallelism p. */
interface ScryptCost {
  ln: number;
  r: number;
  p: number;
}

/** OWASP's Password Storage Cheat Sheet: scrypt with N = 2^17, r = 8, p = 1 at the least. */
const currentCost: ScryptCost = { ln: 17, r: 8, p: 1 };
/** What the first hashes (`scrypt:salt:hash`) were made with: Node's defaults. */
const legacyCost: ScryptCost = { ln: 14, r: 8, p: 1 };

/**
 * Node's async scrypt runs on the libuv pool, off the event loop. It needs 128·N·r bytes (128 MiB
 * at the current cost), above Node's 32 MiB default `maxmem`: allow twice that.
 */
function derive(password: string, salt: Buffer, { ln, r, p }: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** ln, r, p, maxmem: 256 * 2 ** ln * r };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

interface StoredHash {
  cost: ScryptCost;
  salt: Buffer;
  hash: Buffer;
}

const format = ({ cost: { ln, r, p }, salt, hash }: StoredHash) =>
  `scrypt$ln=${ln},r=${r},p=${p}$${salt.toString('base64')}$${hash.toString('base64')}`;

const bytes = (base64: string) => Buffer.from(base64, 'base64');

/** `scrypt$ln=17,r=8,p=1$salt$hash` (PHC-like), or the legacy `scrypt:salt:hash`. */
function parse(stored: string): StoredHash | undefined {
  const phc = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([^$]+)\$([^$]+)$/.exec(stored);
  if (phc) {
    const [, ln, r, p, salt = '', hash = ''] = phc;
    return {
      cost: { ln: Number(ln), r: Number(r), p: Number(p) },
      salt: bytes(salt),
      hash: bytes(hash),
    };
  }
  const legacy = /^scrypt:([^:]+):([^:]+)$/.exec(stored);
  if (legacy) {
    const [, salt = '', hash = ''] = legacy;
    return { cost: legacyCost, salt: bytes(salt), hash: bytes(hash) };
  }
  return undefined;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format({ cost: currentCost, salt, hash: await derive(password, salt, currentCost) });
}

/**
 * Checked when there is no hash to check (an unknown e-mail, a student with no password yet), so
 * that refusing them takes the same work and time as refusing a wrong password. No password
 * derives to its random bytes.
 */
const dummyHash: StoredHash = { cost: currentCost, salt: randomBytes(16), hash: randomBytes(32) };

export interface PasswordCheck {
  matches: boolean;
  /** The hash was made at another cost than today's: store a new one while the password is known. */
  needsRehash: boolean;
}

export async function checkPassword(
  password: string,
  stored: string | undefined,
): Promise<PasswordCheck> {
  const parsed = (stored !== undefined && parse(stored)) || dummyHash;
  const derived = await derive(password, parsed.salt, parsed.cost);
  const matches =
    parsed !== dummyHash &&
    derived.length === parsed.hash.length &&
    timingSafeEqual(derived, parsed.hash);
  const { ln, r, p } = parsed.cost;
  const current = ln === currentCost.ln && r === currentCost.r && p === currentCost.p;
  return { matches, needsRehash: matches && !current };
}
