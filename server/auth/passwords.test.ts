import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword({ password: 'correct horse battery', hash })).toBe(true);
    expect(await verifyPassword({ password: 'correct horse batterY', hash })).toBe(false);
  });

  it('salts each hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
  });

  it('treats a malformed stored hash as a mismatch instead of throwing', async () => {
    for (const hash of [
      '',
      'plain',
      'scrypt$1$2$3$$',
      'scrypt$99999999$8$1$AAAA$AAAA',
      'bcrypt$x$y$z$a$b',
    ]) {
      expect(await verifyPassword({ password: 'x', hash })).toBe(false);
    }
  });
});
