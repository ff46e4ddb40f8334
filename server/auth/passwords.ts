/**
 * Password hashing with scrypt (node:crypto): a random salt per password, and the cost
 * parameters stored in the hash string (`scrypt$N$r$p$salt$hash`) so they can be raised
 * later without breaking existing accounts.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

function derive(options: {
  password: string;
  salt: Buffer;
  params: ScryptOptions;
  keyLength: number;
}): Promise<Buffer> {
  const { password, salt, params, keyLength } = options;
  // scrypt needs 128·N·r bytes; allow twice that so high-N stored hashes still verify.
  const maxmem = 256 * (params.N ?? PARAMS.N) * (params.r ?? PARAMS.r);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...params, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes a password for storage. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive({ password, salt, params: PARAMS, keyLength: KEY_LENGTH });
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

interface ParsedHash {
  params: ScryptOptions;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const isSane = [N, r, p].every((value) => Number.isInteger(value) && (value ?? 0) > 0);
  if (!isSane || N === undefined || r === undefined || p === undefined) return null;
  if (N > 1_048_576 || r > 32 || p > 16) return null;
  // scrypt's own rules (it throws otherwise): N a power of two above 1, and below 2^(16·r).
  if (N < 2 || (N & (N - 1)) !== 0 || N >= 2 ** (16 * r)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length === 0 || key.length === 0) return null;
  return { params: { N, r, p }, salt, key };
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(options: {
  password: string;
  hash: string;
}): Promise<boolean> {
  const parsed = parseHash(options.hash);
  if (!parsed) return false;
  const key = await derive({
    password: options.password,
    salt: parsed.salt,
    params: parsed.params,
    keyLength: parsed.key.length,
  });
  return timingSafeEqual(key, parsed.key);
}

/**
 * A valid hash of a random password, verified against when the e-mail is unknown, so a
 * failed sign-in takes as long whether or not the account exists.
 */
export function createDecoyHash(): Promise<string> {
  return hashPassword(randomBytes(16).toString('hex'));
}
