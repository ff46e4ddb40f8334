/**
 * Session resolution against a real SQLite store, with an injected clock: what a Cookie header
 * must look like to count, when a session ends, and that a deactivated account is refused by
 * resolution itself (not only by deactivation deleting its sessions).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../tests/helpers/factories';
import { createSqliteStorage } from '../storage/sqlite';
import type { Storage } from '../storage/types';
import {
  clearedSessionCookieHeader,
  generateToken,
  hashToken,
  resolveSession,
  resolveSessionUser,
  SESSION_COOKIE,
  sessionCookieHeader,
  startSession,
} from './sessions';

const DAY_MS = 86_400_000;
// The real clock (resolveSessionUser takes none); tests of expiry move it explicitly.
const now = new Date();

let dataDir: string;
let storage: Storage;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-sessions-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

const cookieFor = (token: string): string => `${SESSION_COOKIE}=${token}`;

async function signedIn(ttlDays = 30) {
  const user = await buildUser(storage);
  const { token, session } = await startSession({ storage, userId: user.id, ttlDays, now });
  return { user, token, session };
}

describe('tokens', () => {
  it('are 32 random bytes in base64url, stored only as their SHA-256', async () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(token);
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const { token: issued, session } = await signedIn();
    expect(session.id).toBe(hashToken(issued));
    expect(await storage.getSession({ id: issued })).toBeNull();
  });
});

describe('resolveSession', () => {
  it('finds the user and session behind a valid cookie', async () => {
    const { user, token, session } = await signedIn();
    const resolved = await resolveSession({ storage, cookieHeader: cookieFor(token), now });
    expect(resolved?.user.id).toBe(user.id);
    expect(resolved?.session.id).toBe(session.id);
    const other = `theme=dark; ${cookieFor(token)}; lang=de`;
    expect((await resolveSessionUser({ storage, cookieHeader: other }))?.id).toBe(user.id);
  });

  it('refuses a missing cookie header, another cookie, or a token not shaped like one', async () => {
    const { token } = await signedIn();
    for (const cookieHeader of [
      undefined,
      null,
      '',
      'theme=dark',
      `${SESSION_COOKIE}=`,
      `${SESSION_COOKIE}=${token.slice(1)}`,
      `${SESSION_COOKIE}=${token}A`,
      // The pattern is anchored: a valid token with anything before or after it is not one.
      `${SESSION_COOKIE}=x${token}`,
      `${SESSION_COOKIE}=${token}%20`,
      `${SESSION_COOKIE}=${token.slice(0, 42)}%2B`,
    ]) {
      expect(await resolveSession({ storage, cookieHeader, now }), String(cookieHeader)).toBeNull();
    }
  });

  it('accepts exactly 43 token characters: the pattern is anchored at both ends', async () => {
    // Sessions stored under the hash of each value, so only the shape check can refuse them.
    const user = await buildUser(storage);
    const oddToken = `${'A'.repeat(42)}x`;
    await storage.createSession({
      id: hashToken(oddToken),
      userId: user.id,
      expiresAt: new Date(now.getTime() + DAY_MS),
    });
    expect(
      (await resolveSession({ storage, cookieHeader: cookieFor(oddToken), now }))?.user.id,
    ).toBe(user.id);
    const longToken = `${'A'.repeat(43)}B`;
    await storage.createSession({
      id: hashToken(longToken),
      userId: user.id,
      expiresAt: new Date(now.getTime() + DAY_MS),
    });
    expect(await resolveSession({ storage, cookieHeader: cookieFor(longToken), now })).toBeNull();
  });

  it('ends a session exactly at its expiry, and deletes it', async () => {
    const { token, session } = await signedIn(1);
    const expiresAt = session.expiresAt.getTime();
    expect(expiresAt).toBe(now.getTime() + DAY_MS);
    const justBefore = new Date(expiresAt - 1);
    expect(
      await resolveSession({ storage, cookieHeader: cookieFor(token), now: justBefore }),
    ).not.toBeNull();
    const atExpiry = new Date(expiresAt);
    expect(
      await resolveSession({ storage, cookieHeader: cookieFor(token), now: atExpiry }),
    ).toBeNull();
    expect(await storage.getSession({ id: session.id })).toBeNull();
    // Gone for good: even an earlier clock does not bring it back.
    expect(
      await resolveSession({ storage, cookieHeader: cookieFor(token), now: justBefore }),
    ).toBeNull();
  });

  it('refuses a deactivated account even while its session still exists', async () => {
    const { user, token, session } = await signedIn();
    await storage.updateUser({ id: user.id, patch: { isActive: false } });
    expect(await resolveSession({ storage, cookieHeader: cookieFor(token), now })).toBeNull();
    expect(await resolveSessionUser({ storage, cookieHeader: cookieFor(token) })).toBeNull();
    // Not deleted by resolution: reactivation (which keeps sessions alive) lets it through again.
    expect(await storage.getSession({ id: session.id })).not.toBeNull();
    await storage.updateUser({ id: user.id, patch: { isActive: true } });
    expect(await resolveSession({ storage, cookieHeader: cookieFor(token), now })).not.toBeNull();
  });
});

describe('cookie headers', () => {
  const config = { sessionTtlDays: 30 };

  it('set the token httpOnly, SameSite=Lax, for the whole site, for the session lifetime', () => {
    const header = sessionCookieHeader({ token: 'tok', config, isSecure: false });
    const [pair, ...attributes] = header.split('; ');
    expect(pair).toBe(`${SESSION_COOKIE}=tok`);
    expect(attributes.map((attribute) => attribute.toLowerCase()).sort()).toEqual(
      ['httponly', 'max-age=2592000', 'path=/', 'samesite=lax'].sort(),
    );
  });

  it('are Secure behind HTTPS', () => {
    expect(sessionCookieHeader({ token: 'tok', config, isSecure: true }).split('; ')).toContain(
      'Secure',
    );
    expect(clearedSessionCookieHeader({ isSecure: true }).split('; ')).toContain('Secure');
  });

  it('clear the cookie with the same flags, expired at once', () => {
    const header = clearedSessionCookieHeader({ isSecure: false });
    const [pair, ...attributes] = header.split('; ');
    expect(pair).toBe(`${SESSION_COOKIE}=`);
    expect(attributes.map((attribute) => attribute.toLowerCase()).sort()).toEqual(
      [
        'expires=thu, 01 jan 1970 00:00:00 gmt',
        'httponly',
        'max-age=0',
        'path=/',
        'samesite=lax',
      ].sort(),
    );
  });
});
