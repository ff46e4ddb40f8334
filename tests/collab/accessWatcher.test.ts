/**
 * The access re-check of open collab connections (`server/collab/accessWatcher.ts`) over real
 * SQLite, with connections reduced to what the watcher reads and changes (who, which session,
 * the token's write bit, `canWrite`, `close`). Each revocation reaches the connection, scopes
 * re-check only what they name, and the periodic round keeps running after idle rounds
 * (issue 8: it stopped for ever). The same over real sockets: revocationPolling.test.ts,
 * revokeNow.test.ts, sessionBound.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../server/auth/sessions';
import {
  startAccessWatcher,
  type AccessWatcher,
  type WatchedConnection,
  type WatchedDoc,
} from '../../server/collab/accessWatcher';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { DocumentRecord, Storage, User, Workspace } from '../../server/storage/types';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { buildDocument, buildMembership, buildUser } from '../helpers/factories';
import { seedDocument, waitFor } from './helpers';

let dataDir: string;
let storage: Storage;
const watchers: AccessWatcher[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-watcher-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
});
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.stop();
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A connection as the watcher sees it, recording how it was closed. */
interface TestConnection extends WatchedConnection {
  closed: { code: number; reason: string } | null;
}

function connection(input: {
  user: User;
  sessionId?: string | null;
  tokenCanWrite?: boolean;
}): TestConnection {
  const tokenCanWrite = input.tokenCanWrite ?? true;
  const opened: TestConnection = {
    userId: input.user.id,
    sessionId: input.sessionId ?? null,
    tokenCanWrite,
    canWrite: tokenCanWrite,
    canSuggest: false,
    closed: null,
    close(code, reason) {
      opened.closed ??= { code, reason };
    },
  };
  return opened;
}

/** Open documents and their connections, watched; `intervalMs` long unless a test polls. */
function watch(intervalMs = 60_000) {
  const open = new Map<WatchedDoc, TestConnection[]>();
  const watcher = startAccessWatcher({
    storage,
    logger: pino({ level: 'silent' }),
    intervalMs,
    liveDocs: () => [...open.keys()],
    connectionsOf: (doc) => open.get(doc) ?? [],
  });
  watchers.push(watcher);
  return {
    watcher,
    /** Opens `document` on a new connection of `user`. */
    connect(document: DocumentRecord, input: Parameters<typeof connection>[0]): TestConnection {
      let doc = [...open.keys()].find((candidate) => candidate.documentId === document.id);
      if (!doc) {
        doc = { documentId: document.id, workspaceId: document.workspaceId };
        open.set(doc, []);
      }
      const opened = connection(input);
      open.get(doc)!.push(opened);
      return opened;
    },
  };
}

/** A workspace with an owner, an editor and one document. */
async function world(): Promise<{
  owner: User;
  editor: User;
  workspace: Workspace;
  document: DocumentRecord;
}> {
  const { owner, workspace, document } = await seedDocument(storage);
  const editor = await buildUser(storage);
  await buildMembership(storage, { workspace, user: editor });
  return { owner, editor, workspace, document };
}

const setRole = (workspace: Workspace, user: User, role: 'viewer' | 'editor') =>
  storage.updateMembership({ workspaceId: workspace.id, userId: user.id, role });

describe('access watcher', () => {
  it('downgrades a writer whose role was lowered, and upgrades them back (never past the token)', async () => {
    const { editor, workspace, document } = await world();
    const { watcher, connect } = watch();
    const writer = connect(document, { user: editor });
    const readOnlyToken = connect(document, { user: editor, tokenCanWrite: false });
    await setRole(workspace, editor, 'viewer');
    await watcher.checkNow();
    expect([writer.canWrite, writer.closed]).toEqual([false, null]);
    await setRole(workspace, editor, 'editor');
    await watcher.checkNow();
    expect([writer.canWrite, readOnlyToken.canWrite]).toEqual([true, false]);
  });

  it('closes a removed member with 4403, a deactivated account with 4401, a trashed document with 4404', async () => {
    const { owner, editor, workspace, document } = await world();
    const other = await buildDocument(storage, { workspace, createdBy: owner });
    const { watcher, connect } = watch();
    const removed = connect(document, { user: editor });
    const ownerThere = connect(document, { user: owner });
    const ownerElsewhere = connect(other, { user: owner });
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    await watcher.checkNow();
    expect(removed.closed).toEqual({
      code: CLOSE_CODES.forbidden,
      reason: 'no access to this document',
    });
    expect([ownerThere.closed, ownerElsewhere.closed]).toEqual([null, null]);
    await storage.updateDocument({
      id: document.id,
      patch: { deletedAt: new Date(), deletedById: owner.id },
    });
    await watcher.checkNow();
    expect(ownerThere.closed?.code).toBe(CLOSE_CODES.notFound);
    expect(ownerElsewhere.closed).toBeNull();
    await storage.updateUser({ id: owner.id, patch: { isActive: false } });
    await watcher.checkNow();
    expect(ownerElsewhere.closed?.code).toBe(CLOSE_CODES.unauthenticated);
  });

  it('makes every connection of an archived workspace read-only', async () => {
    const { owner, editor, workspace, document } = await world();
    const { watcher, connect } = watch();
    const connections = [connect(document, { user: owner }), connect(document, { user: editor })];
    await storage.updateWorkspace({ id: workspace.id, patch: { isArchived: true } });
    await watcher.checkNow();
    expect(connections.map((open) => [open.canWrite, open.closed])).toEqual([
      [false, null],
      [false, null],
    ]);
  });

  it('closes the connections opened under a sign-in session that ended, and only those', async () => {
    const { editor, document } = await world();
    const { session } = await startSession({ storage, userId: editor.id, ttlDays: 1 });
    const { session: otherSession } = await startSession({
      storage,
      userId: editor.id,
      ttlDays: 1,
    });
    const { watcher, connect } = watch();
    const signedOut = connect(document, { user: editor, sessionId: session.id });
    const stillIn = connect(document, { user: editor, sessionId: otherSession.id });
    const serverToken = connect(document, { user: editor });
    await storage.deleteSession({ id: session.id });
    await watcher.checkNow();
    expect(signedOut.closed).toEqual({
      code: CLOSE_CODES.unauthenticated,
      reason: 'session ended',
    });
    expect([stillIn.closed, serverToken.closed]).toEqual([null, null]);
    expect([stillIn.canWrite, serverToken.canWrite]).toEqual([true, true]);
  });

  it('re-checks only the connections a scope names', async () => {
    const first = await world();
    const second = await world();
    const { watcher, connect } = watch();
    const a = connect(first.document, { user: first.editor });
    const b = connect(second.document, { user: second.editor });
    const c = connect(second.document, { user: second.owner });
    await setRole(first.workspace, first.editor, 'viewer');
    await setRole(second.workspace, second.editor, 'viewer');
    await storage.updateWorkspace({ id: second.workspace.id, patch: { isArchived: true } });

    await watcher.checkNow({ documentId: first.document.id, userId: second.editor.id });
    expect([a.canWrite, b.canWrite, c.canWrite]).toEqual([true, true, true]);
    await watcher.checkNow({ userId: second.editor.id });
    expect([a.canWrite, b.canWrite, c.canWrite]).toEqual([true, false, true]);
    await watcher.checkNow({ workspaceId: first.workspace.id });
    expect([a.canWrite, b.canWrite, c.canWrite]).toEqual([false, false, true]);
    await watcher.checkNow({ documentId: second.document.id });
    expect([a.canWrite, b.canWrite, c.canWrite]).toEqual([false, false, false]);
  });

  it('keeps re-checking on its own after rounds with nothing to check', async () => {
    const { editor, workspace, document } = await world();
    const { watcher, connect } = watch(20);
    // Idle rounds first (no connections), then a revocation only the poll can find.
    await watcher.checkNow();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const writer = connect(document, { user: editor });
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    await waitFor(() => writer.closed !== null, 'the poll closed the removed member');
    expect(writer.closed?.code).toBe(CLOSE_CODES.forbidden);
  });
});
