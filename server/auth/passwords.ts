/**
 * Password hashing with scrypt (node:crypto): a random salt per password, and the cost
 * parameters stored in the hash string (`scrypt$N$r$p$salt$hash`) so they can be raised
 * later without breaking existing accounts: a hash is always verified with its own.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N (CPU and memory), r (block size), p (parallelism). */
interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

const PARAMS: ScryptCost = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
/**
 * The most memory one verification may use (scrypt needs about 128·N·r bytes; today's cost
 * 16 MiB), and the most parallelism: a stored hash must not make each sign-in take gigabytes
 * or minutes. scrypt itself refuses parameters over the memory limit before allocating.
 */
const MAX_MEMORY_BYTES = 64 * 1024 * 1024;
const MAX_PARALLELISM = 16;

function derive(options: {
  password: string;
  salt: Buffer;
  cost: ScryptCost;
  keyLength: number;
}): Promise<Buffer> {
  const { password, salt, cost, keyLength } = options;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { ...cost, maxmem: MAX_MEMORY_BYTES },
      // Stryker disable next-line ConditionalExpression: equivalent, scrypt reports bad parameters by throwing synchronously (caught in verifyPassword), never through this callback
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** Hashes a password for storage. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive({ password, salt, cost: PARAMS, keyLength: KEY_LENGTH });
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
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, nText, rText, pText, saltText, keyText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const [N, r, p] = [nText, rText, pText].map(Number) as [number, number, number];
  // Node's scrypt reads 0 as "the default" (a stored 0 would silently mean another cost);
  // any other value it cannot use (negative, fractional, N not a power of two) it refuses.
  if (N === 0 || r === 0 || p === 0 || p > MAX_PARALLELISM) return null;
  const salt = Buffer.from(saltText, 'base64url');
  // An empty key would match any password: a zero-length scrypt output equals an empty buffer.
  const key = Buffer.from(keyText, 'base64url');
  if (salt.length === 0 || key.length === 0) return null;
  return { cost: { N, r, p }, salt, key };
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(options: {
  password: string;
  hash: string;
}): Promise<boolean> {
  const parsed = parseHash(options.hash);
  if (!parsed) return false;
  const { cost, salt, key: storedKey } = parsed;
  let key: Buffer;
  try {
    key = await derive({ password: options.password, salt, cost, keyLength: storedKey.length });
  } catch {
    // Stored parameters scrypt refuses (over the memory limit, N not a power of two, …).
    return false;
  }
  return timingSafeEqual(key, storedKey);
}

/**
 * A valid hash of a random password, verified against when the e-mail is unknown, so a
 * failed sign-in takes as long whether or not the account exists.
 */
export function createDecoyHash(): Promise<string> {
  return hashPassword(randomBytes(16).toString('hex'));
}
