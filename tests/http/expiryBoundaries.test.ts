/**
 * Expiry exactly at the boundary, with the injectable clocks the modules take (`now`):
 * an invitation and a collab connection's sign-in session are usable until the millisecond
 * before they expire and refused from that millisecond on. (Collab tokens: collabToken.test.ts;
 * cookie sessions: sessions.test.ts.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../server/auth/sessions';
import { isSessionAlive } from '../../server/collab/authenticate';
import { createInvitation } from '../../server/commands/createInvitation';
import { findUsableInvitation } from '../../server/commands/findInvitation';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/types';
import { buildUser } from '../helpers/factories';

const DAY_MS = 86_400_000;

let dataDir: string;
let storage: Storage;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-expiry-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('expiry at the boundary', () => {
  it('an invitation is usable until the millisecond before it expires', async () => {
    const admin = await buildUser(storage, { role: 'admin' });
    const now = new Date();
    const { token, invitation } = await createInvitation({
      storage,
      actor: admin,
      email: `boundary-${now.getTime()}@example.test`,
      ttlDays: 7,
      baseUrl: 'http://clip.test',
      now,
    });
    const expiresAt = invitation.expiresAt.getTime();
    expect(expiresAt).toBe(now.getTime() + 7 * DAY_MS);
    const at = (ms: number) => findUsableInvitation({ storage, token, now: new Date(ms) });
    expect((await at(expiresAt - 1))?.id).toBe(invitation.id);
    expect(await at(expiresAt)).toBeNull();
  });

  it('a collab connection’s session is alive until the millisecond before it expires', async () => {
    const user = await buildUser(storage);
    const other = await buildUser(storage);
    const { session } = await startSession({ storage, userId: user.id, ttlDays: 1 });
    const expiresAt = session.expiresAt.getTime();
    const alive = (input: { userId: string; ms: number; sessionId?: string | null }) =>
      isSessionAlive({
        storage,
        sessionId: input.sessionId === undefined ? session.id : input.sessionId,
        userId: input.userId,
        now: new Date(input.ms),
      });
    expect(await alive({ userId: user.id, ms: expiresAt - 1 })).toBe(true);
    expect(await alive({ userId: user.id, ms: expiresAt })).toBe(false);
    // Someone else's session does not keep a token alive, nor does an unknown one.
    expect(await alive({ userId: other.id, ms: expiresAt - 1 })).toBe(false);
    expect(await alive({ userId: user.id, ms: expiresAt - 1, sessionId: 'f'.repeat(64) })).toBe(
      false,
    );
    // A server-minted token carries no session: not bound to one.
    expect(await alive({ userId: user.id, ms: expiresAt + DAY_MS, sessionId: null })).toBe(true);
  });
});
