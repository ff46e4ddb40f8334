import { createHmac } from 'node:crypto';
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

  it('is valid until the second before its expiry, and expired from that second on', () => {
    const { token, claims } = sign({ ttlSeconds: 300 });
    const expiresAtMs = claims.expiresAt * 1000;
    expect(verifyCollabToken({ secret, token, now: new Date(expiresAtMs - 1) }).isValid).toBe(true);
    expect(verifyCollabToken({ secret, token, now: new Date(expiresAtMs) })).toEqual({
      isValid: false,
      reason: 'expired',
    });
  });

  it('refuses a token longer than 2048 characters, even when correctly signed', () => {
    const lengthFor = (userId: string) => sign({ userId }).token.length;
    let userId = 'u';
    while (lengthFor(userId) < 2048) userId += 'u';
    // base64 grows in steps of 4 characters per 3 bytes: step back to the longest token <= 2048.
    while (lengthFor(userId) > 2048) userId = userId.slice(1);
    const longest = sign({ userId }).token;
    expect(longest.length).toBeGreaterThan(2040);
    expect(verifyCollabToken({ secret, token: longest, now }).isValid).toBe(true);
    while (lengthFor(userId) <= 2048) userId += 'u';
    expect(verifyCollabToken({ secret, token: sign({ userId }).token, now })).toEqual({
      isValid: false,
      reason: 'malformed',
    });
  });

  it('calls a token without both parts malformed before checking any signature', () => {
    const { token } = sign();
    const [body, mac] = token.split('.') as [string, string];
    for (const malformed of [body, `${body}.`, `.${mac}`, `${body}.${mac}.${mac}`, `${token}.`]) {
      expect(verifyCollabToken({ secret, token: malformed, now })).toEqual({
        isValid: false,
        reason: 'malformed',
      });
    }
  });

  it('refuses correctly signed payloads whose claims are missing or of the wrong type', () => {
    // Signed the way the module documents its format, to reach the claim checks behind the signature.
    const key = createHmac('sha256', secret).update('clip-collab-token-v1').digest();
    const signRaw = (payload: unknown): string => {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
    };
    const valid = { u: 'u-1', d: 'd-1', w: 1, e: now.getTime() / 1000 + 300 };
    expect(verifyCollabToken({ secret, token: signRaw(valid), now }).isValid).toBe(true);
    expect(verifyCollabToken({ secret, token: signRaw({ ...valid, s: 'sess' }), now })).toEqual({
      isValid: true,
      claims: {
        userId: 'u-1',
        documentId: 'd-1',
        canWrite: true,
        expiresAt: valid.e,
        sessionId: 'sess',
      },
    });
    for (const payload of [
      { ...valid, u: 7 },
      { ...valid, u: undefined },
      { ...valid, d: ['d-1'] },
      { ...valid, d: undefined },
      { ...valid, w: 2 },
      { ...valid, w: true },
      { ...valid, w: '1' },
      { ...valid, e: String(valid.e) },
      { ...valid, e: undefined },
      { ...valid, s: 42 },
      { ...valid, s: null },
    ]) {
      expect(
        verifyCollabToken({ secret, token: signRaw(payload), now }),
        JSON.stringify(payload),
      ).toEqual({
        isValid: false,
        reason: 'malformed',
      });
    }
    const notJson = Buffer.from('{"u":').toString('base64url');
    const signedNotJson = `${notJson}.${createHmac('sha256', key).update(notJson).digest('base64url')}`;
    expect(verifyCollabToken({ secret, token: signedNotJson, now })).toEqual({
      isValid: false,
      reason: 'malformed',
    });
  });
});
