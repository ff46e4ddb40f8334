/**
 * The access re-check of open collab connections (`server/collab/accessWatcher.ts`) over real
 * SQLite, with connections reduced to what the watcher reads and changes (who, which session,
 * the token's write bit, `canWrite`, `close`). Each revocation reaches the connection, scopes
 * re-check only what they name, the periodic round keeps running after idle rounds
 * (issue 8: it stopped for ever), and a round over many documents yields between slices. The same over real sockets: revocationPolling.test.ts,
 * revokeNow.test.ts, sessionBound.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
import { makeUser } from '../helpers/testActors';
import { seedDocument, sleep, waitFor } from './helpers';
import { recordingLogger } from '../helpers/recordingLogger';

let dataDir: string;
let storage: Storage;
/** A SQLite storage that was closed: every call fails, as when the database is unreachable. */
let down: Storage;
const watchers: AccessWatcher[] = [];

/** What the watchers logged (pino level 40: warn), oldest first; emptied after each test. */
const { logger, logged } = recordingLogger<{
  level: number;
  msg: string;
  documentId?: string;
  err?: { message: string };
}>();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-watcher-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
  down = await createSqliteStorage({ filename: path.join(dataDir, 'down.sqlite') });
  await down.close();
});
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.stop();
  logged.length = 0;
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

/**
 * Open documents and their connections, watched; `intervalMs` long unless a test polls.
 * `rounds` counts the rounds that started (each asks for the live documents once).
 */
function watch(intervalMs = 60_000, watchedStorage: Storage = storage) {
  const open = new Map<WatchedDoc, TestConnection[]>();
  let rounds = 0;
  const watcher = startAccessWatcher({
    storage: watchedStorage,
    logger,
    intervalMs,
    liveDocs: () => {
      rounds += 1;
      return [...open.keys()];
    },
    connectionsOf: (doc) => open.get(doc) ?? [],
  });
  watchers.push(watcher);
  return {
    watcher,
    rounds: () => rounds,
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

/**
 * `storage` with a switch per read the watcher makes: while it is on, that read goes to the
 * closed database instead, so it fails as a real storage call does.
 */
function flakyStorage() {
  const failing = { listUsers: false, documentIds: new Set<string>() };
  const flaky: Storage = {
    ...storage,
    listUsers: (input) => (failing.listUsers ? down : storage).listUsers(input),
    getDocumentMeta: (input) =>
      (failing.documentIds.has(input.id) ? down : storage).getDocumentMeta(input),
    // The slice's read fails when one of its documents does, as one SQL statement would.
    listDocumentMetas: (input) =>
      (input.ids.some((id) => failing.documentIds.has(id)) ? down : storage).listDocumentMetas(
        input,
      ),
  };
  return { flaky, failing };
}

/** The warnings logged for failed re-checks: their document (if one), and that an error came with them. */
const failures = () =>
  logged.map((line) => ({
    level: line.level,
    msg: line.msg,
    documentId: line.documentId,
    hasError: Boolean(line.err?.message),
  }));
const roundFailed = {
  level: 40,
  msg: 'access re-check failed',
  documentId: undefined,
  hasError: true,
};

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

    // Scopes naming no live document re-check nothing (and read nothing that could fail).
    await storage.removeMembership({ workspaceId: first.workspace.id, userId: first.editor.id });
    await watcher.checkNow({ documentId: 'no-such-document' });
    await watcher.checkNow({ workspaceId: 'no-such-workspace' });
    await watcher.checkNow({ userId: 'no-such-user' });
    expect(a.closed).toBeNull();
    await watcher.checkNow({ documentId: first.document.id });
    expect(a.closed?.code).toBe(CLOSE_CODES.forbidden);
    expect(logged).toEqual([]);
  });

  it('keeps a connection its direct share allows, follows the share’s role, and closes it when the share goes', async () => {
    const { owner, workspace, document } = await world();
    const other = await buildDocument(storage, { workspace, createdBy: owner });
    const outsider = await buildUser(storage);
    const shareOf = (role: 'editor' | 'viewer') =>
      storage.upsertDocumentShare({
        documentId: document.id,
        userId: outsider.id,
        role,
        createdById: owner.id,
      });
    const { share } = await shareOf('editor');
    const { watcher, connect } = watch();
    const shared = connect(document, { user: outsider });
    // Opened on a document not shared with them (as before a share was moved): closed.
    const notShared = connect(other, { user: outsider });
    await watcher.checkNow();
    expect([shared.canWrite, shared.closed]).toEqual([true, null]);
    expect(notShared.closed?.code).toBe(CLOSE_CODES.forbidden);
    await shareOf('viewer');
    await watcher.checkNow();
    expect([shared.canWrite, shared.closed]).toEqual([false, null]);
    await storage.deleteDocumentShare({ id: share.id });
    await watcher.checkNow();
    expect(shared.closed?.code).toBe(CLOSE_CODES.forbidden);
    expect(logged).toEqual([]);
  });

  it('closes a connection whose account no longer exists (4401) or whose document was purged (4404)', async () => {
    const { owner, editor, workspace, document } = await world();
    const other = await buildDocument(storage, { workspace, createdBy: owner });
    const { watcher, connect } = watch();
    const ghost = connect(document, { user: makeUser({ id: 'no-such-account' }) });
    const onPurged = connect(other, { user: editor });
    await storage.purgeDocument({ id: other.id });
    await watcher.checkNow();
    expect(ghost.closed?.code).toBe(CLOSE_CODES.unauthenticated);
    expect(onPurged.closed?.code).toBe(CLOSE_CODES.notFound);
    expect(logged).toEqual([]);
  });

  it('logs a round whose storage reads fail, and the next round still applies the revocation', async () => {
    const { editor, workspace, document } = await world();
    const { flaky, failing } = flakyStorage();
    const { watcher, connect } = watch(60_000, flaky);
    const writer = connect(document, { user: editor });
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    failing.listUsers = true;
    // Neither kind of re-check throws at its caller (the access subscriber of the events).
    await expect(watcher.checkNow()).resolves.toBeUndefined();
    await expect(watcher.checkNow({ userId: editor.id })).resolves.toBeUndefined();
    expect(failures()).toEqual([roundFailed, roundFailed]);
    expect(writer.closed).toBeNull();
    failing.listUsers = false;
    await watcher.checkNow();
    expect(writer.closed?.code).toBe(CLOSE_CODES.forbidden);
  });

  it('keeps polling after a periodic round failed', async () => {
    const { editor, workspace, document } = await world();
    const { flaky, failing } = flakyStorage();
    failing.listUsers = true;
    const { connect } = watch(20, flaky);
    const writer = connect(document, { user: editor });
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    await waitFor(() => logged.length > 0, 'a periodic round failed');
    expect(failures()[0]).toEqual(roundFailed);
    failing.listUsers = false;
    await waitFor(() => writer.closed !== null, 'a later periodic round closed the removed member');
    expect(writer.closed?.code).toBe(CLOSE_CODES.forbidden);
  });

  it('logs a document whose reads fail with its id, and still re-checks the other documents', async () => {
    const { owner, editor, workspace, document } = await world();
    const other = await buildDocument(storage, { workspace, createdBy: owner });
    const { flaky, failing } = flakyStorage();
    const { watcher, connect } = watch(60_000, flaky);
    const onBroken = connect(document, { user: editor });
    const onOther = connect(other, { user: editor });
    // Someone from outside the workspace whom the other document is shared with.
    const guest = await buildUser(storage);
    await storage.upsertDocumentShare({
      documentId: other.id,
      userId: guest.id,
      role: 'editor',
      createdById: owner.id,
    });
    const onShared = connect(other, { user: guest });
    await setRole(workspace, editor, 'viewer');
    // The slice's shared read fails too, so both documents are read one by one: the other
    // one is judged on its own record (read-only now, neither closed nor skipped).
    failing.documentIds.add(document.id);
    await watcher.checkNow();
    expect([onOther.canWrite, onOther.closed]).toEqual([false, null]);
    expect([onShared.canWrite, onShared.closed]).toEqual([true, null]);
    expect([onBroken.canWrite, onBroken.closed]).toEqual([true, null]);
    expect(failures()).toEqual([{ ...roundFailed, documentId: document.id }]);
    failing.documentIds.clear();
    await watcher.checkNow();
    expect([onBroken.canWrite, onBroken.closed]).toEqual([false, null]);
  });

  it('lets a re-check asked for during a round wait for it, so the round’s stale reads cannot undo a revocation', async () => {
    const { editor, workspace, document } = await world();
    // The first membership read of the round is answered (with the rows as they were) only
    // when the test releases it.
    let signalRead = (): void => {};
    const staleRead = new Promise<void>((resolve) => (signalRead = resolve));
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let isHeld = false;
    const held: Storage = {
      ...storage,
      async listMemberships(input) {
        const rows = await storage.listMemberships(input);
        if (!isHeld) {
          isHeld = true;
          signalRead();
          await released;
        }
        return rows;
      },
    };
    const { watcher, connect } = watch(60_000, held);
    const writer = connect(document, { user: editor });
    const round = watcher.checkNow(); // a full round, as the periodic one runs
    await staleRead; // it has read the editor's role
    await setRole(workspace, editor, 'viewer');
    const revocation = watcher.checkNow({ userId: editor.id });
    // A re-check that did not wait would finish well within this; one that waits cannot.
    await Promise.race([revocation, sleep(300)]);
    release();
    await Promise.all([round, revocation]);
    expect([writer.canWrite, writer.closed]).toEqual([false, null]);
  });

  it('lets other work run between slices of a round over many documents, and re-checks them all', async () => {
    const { owner, editor, workspace } = await world();
    const documentReads: number[] = [];
    let singleReads = 0;
    const counting: Storage = {
      ...storage,
      listDocumentMetas: (input) => {
        documentReads.push(input.ids.length);
        return storage.listDocumentMetas(input);
      },
      getDocumentMeta: (input) => {
        singleReads += 1;
        return storage.getDocumentMeta(input);
      },
    };
    const { watcher, connect } = watch(60_000, counting);
    const writers: TestConnection[] = [];
    for (let i = 0; i < 250; i += 1) {
      const document = await buildDocument(storage, { workspace, createdBy: owner });
      writers.push(connect(document, { user: editor }));
    }
    await setRole(workspace, editor, 'viewer');
    // Another document's traffic, as the event loop would run it between two turns.
    let turnsBetween = 0;
    let isChecking = true;
    const countTurns = (): void => {
      if (!isChecking) return;
      turnsBetween += 1;
      setImmediate(countTurns);
    };
    setImmediate(countTurns);
    await watcher.checkNow();
    isChecking = false;
    expect(writers.filter((writer) => writer.canWrite)).toEqual([]);
    // Each document read once, one read per slice: the slices split the round, they do not
    // repeat it, and no document is read on its own.
    expect(documentReads).toEqual([100, 100, 50]);
    expect(singleReads).toBe(0);
    // 250 documents at 100 per turn: the loop ran other work at least twice in between.
    expect(turnsBetween).toBeGreaterThanOrEqual(2);
  });

  it('stops polling once stopped', async () => {
    const { editor, workspace, document } = await world();
    const stopped = watch(20);
    const polling = watch(20);
    const onStopped = stopped.connect(document, { user: editor });
    const onPolling = polling.connect(document, { user: editor });
    stopped.watcher.stop();
    const roundsAtStop = stopped.rounds();
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    // The other watcher, on the same interval, shows that rounds were due.
    await waitFor(() => onPolling.closed !== null, 'the polling watcher closed its connection');
    const seen = polling.rounds();
    await waitFor(() => polling.rounds() >= seen + 3, 'three more rounds were due');
    expect(stopped.rounds()).toBe(roundsAtStop);
    expect(onStopped.closed).toBeNull();
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
