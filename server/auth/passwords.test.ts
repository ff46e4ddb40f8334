import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDecoyHash, hashPassword, verifyPassword } from './passwords';

/** A stored hash built outside `hashPassword`, with the given parameters (scryptSync, NFKC like the module). */
function storedHash(input: {
  password: string;
  N: number;
  r: number;
  p: number;
  salt?: Buffer;
}): string {
  const salt = input.salt ?? randomBytes(16);
  const { N, r, p } = input;
  const key = scryptSync(input.password.normalize('NFKC'), salt, 64, {
    N,
    r,
    p,
    maxmem: 64 * 1024 * 1024,
  });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword({ password: 'correct horse battery', hash })).toBe(true);
    expect(await verifyPassword({ password: 'correct horse batterY', hash })).toBe(false);
  });

  it('makes decoy hashes (for unknown e-mails) that cost a real verification and match nothing', async () => {
    const decoy = await createDecoyHash();
    expect(decoy).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword({ password: '', hash: decoy })).toBe(false);
    expect(await createDecoyHash()).not.toBe(decoy);
  });

  it('salts each hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
  });

  it('compares passwords in NFKC, so the same text typed on another keyboard signs in', async () => {
    const hash = await hashPassword('Ｃａｆé');
    expect(await verifyPassword({ password: 'Café', hash })).toBe(true);
  });

  it('verifies with the cost parameters stored in the hash, not today’s defaults', async () => {
    // A hash written with other parameters (e.g. before the cost was raised) still verifies.
    for (const params of [
      { N: 1024, r: 4, p: 2 },
      { N: 2048, r: 8, p: 1 },
      { N: 16_384, r: 2, p: 1 },
      { N: 2, r: 1, p: 1 },
    ]) {
      const hash = storedHash({ password: 'older account', ...params });
      expect(await verifyPassword({ password: 'older account', hash })).toBe(true);
      expect(await verifyPassword({ password: 'older accounT', hash })).toBe(false);
    }
  });

  it('refuses stored parameters that would make one sign-in take too much memory or time', async () => {
    const salt = randomBytes(16).toString('base64url');
    const key = randomBytes(64).toString('base64url');
    // 128·N·r bytes: 128 MiB and 1 GiB, over the 64 MiB limit (refused before allocating).
    for (const [N, r] of [
      [16_384, 64],
      [1_048_576, 8],
    ]) {
      const hash = `scrypt$${N}$${r}$1$${salt}$${key}`;
      await expect(verifyPassword({ password: 'pw', hash }), hash).resolves.toBe(false);
    }
    // Parallelism multiplies the time: up to 16.
    const cheap = { password: 'pw', N: 1024, r: 1 };
    expect(await verifyPassword({ password: 'pw', hash: storedHash({ ...cheap, p: 16 }) })).toBe(
      true,
    );
    expect(await verifyPassword({ password: 'pw', hash: storedHash({ ...cheap, p: 17 }) })).toBe(
      false,
    );
  });

  it('refuses a stored 0 (which scrypt would read as its default cost)', async () => {
    const withDefaults = storedHash({ password: 'pw', ...{ N: 16_384, r: 8, p: 1 } });
    const [, , , , salt, key] = withDefaults.split('$');
    expect(await verifyPassword({ password: 'pw', hash: withDefaults })).toBe(true);
    for (const cost of ['0$8$1', '16384$0$1', '16384$8$0', '$8$1']) {
      const hash = `scrypt$${cost}$${salt}$${key}`;
      expect({ hash, isValid: await verifyPassword({ password: 'pw', hash }) }).toEqual({
        hash,
        isValid: false,
      });
    }
  });

  it('never accepts any password for a stored hash with an empty key', async () => {
    // A zero-length scrypt output equals an empty buffer: without the guard, every password matched.
    const salt = randomBytes(16).toString('base64url');
    const hash = `scrypt$16384$8$1$${salt}$`;
    expect(await verifyPassword({ password: 'anything', hash })).toBe(false);
    expect(await verifyPassword({ password: '', hash })).toBe(false);
  });

  it('refuses an unsalted stored hash, even for its right password', async () => {
    const hash = storedHash({ password: 'pw', N: 1024, r: 1, p: 1, salt: Buffer.alloc(0) });
    expect(await verifyPassword({ password: 'pw', hash })).toBe(false);
  });

  it('refuses a stored hash of another shape, even when its salt and key are right', async () => {
    const good = storedHash({ password: 'pw', N: 1024, r: 1, p: 1 });
    expect(await verifyPassword({ password: 'pw', hash: good })).toBe(true);
    const [, N, r, p, salt, key] = good.split('$');
    for (const hash of [
      `${good}$extra`,
      `bcrypt$${N}$${r}$${p}$${salt}$${key}`,
      `$${N}$${r}$${p}$${salt}$${key}`,
    ]) {
      expect({ hash, isValid: await verifyPassword({ password: 'pw', hash }) }).toEqual({
        hash,
        isValid: false,
      });
    }
  });

  it('treats a malformed stored hash as a mismatch instead of throwing', async () => {
    const salt = randomBytes(16).toString('base64url');
    const key = randomBytes(64).toString('base64url');
    for (const hash of [
      '',
      'plain',
      'scrypt$1$2$3$$',
      'scrypt$99999999$8$1$AAAA$AAAA',
      'bcrypt$x$y$z$a$b',
      // Parameters scrypt itself would throw on: not positive integers, N not a power of two.
      `scrypt$0$8$1$${salt}$${key}`,
      `scrypt$-16384$8$1$${salt}$${key}`,
      `scrypt$16384.5$8$1$${salt}$${key}`,
      `scrypt$16384$0$1$${salt}$${key}`,
      `scrypt$16384$8$0$${salt}$${key}`,
      `scrypt$16384$x$1$${salt}$${key}`,
      `scrypt$16384$8$1.5$${salt}$${key}`,
      `scrypt$16383$8$1$${salt}$${key}`,
      `scrypt$1$8$1$${salt}$${key}`,
      // N too large for r (scrypt needs N < 2^(16·r)).
      `scrypt$65536$1$1$${salt}$${key}`,
    ]) {
      await expect(verifyPassword({ password: 'x', hash }), hash).resolves.toBe(false);
    }
  });
});
