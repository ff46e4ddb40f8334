import { describe, expect, it } from 'vitest';
import { signCollabToken, verifyCollabToken } from './collabToken';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const now = new Date('2026-03-01T12:00:00Z');

function sign(overrides: Partial<Parameters<typeof signCollabToken>[0]> = {}) {
  return signCollabToken({
    secret,
    userId: 'u-1',
    documentId: 'd-1',
    canWrite: true,
    ttlSeconds: 300,
    now,
    ...overrides,
  });
}

describe('collab tokens', () => {
  it('round-trips the claims of a fresh token', () => {
    const { token, claims } = sign({ canWrite: false });
    const result = verifyCollabToken({ secret, token, now });
    expect(result).toEqual({ isValid: true, claims });
    expect(claims).toEqual({
      userId: 'u-1',
      documentId: 'd-1',
      canWrite: false,
      expiresAt: now.getTime() / 1000 + 300,
      sessionId: null,
    });
  });

  it('carries the sign-in session it was issued under', () => {
    const { token } = sign({ canWrite: true, sessionId: 'session-hash-1' });
    const result = verifyCollabToken({ secret, token, now });
    expect(result.isValid && result.claims.sessionId).toBe('session-hash-1');
  });

  it('rejects an expired token', () => {
    const { token } = sign({ ttlSeconds: 60 });
    const later = new Date(now.getTime() + 61_000);
    expect(verifyCollabToken({ secret, token, now: later })).toEqual({
      isValid: false,
      reason: 'expired',
    });
  });

  it('rejects a token whose payload was changed (e.g. to gain write access)', () => {
    const { token } = sign({ canWrite: false });
    const [, mac] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ u: 'u-1', d: 'd-1', w: 1, e: now.getTime() / 1000 + 300 }),
    ).toString('base64url');
    expect(verifyCollabToken({ secret, token: `${forged}.${mac}`, now })).toEqual({
      isValid: false,
      reason: 'bad_signature',
    });
  });

  it('rejects a token signed with another secret', () => {
    const { token } = sign({ secret: 'another-secret-that-is-also-long-enough-987' });
    expect(verifyCollabToken({ secret, token, now }).isValid).toBe(false);
  });

  it('rejects garbage without throwing', () => {
    for (const token of ['', 'abc', 'a.b.c', '.', 'x'.repeat(3000), '%%%.%%%']) {
      expect(verifyCollabToken({ secret, token, now }).isValid).toBe(false);
    }
  });
});
