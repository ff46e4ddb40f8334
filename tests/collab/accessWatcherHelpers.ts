/**
 * The setting of the access-watcher tests (`accessWatcher.test.ts`,
 * `accessWatcherRounds.test.ts`): a real SQLite storage and a closed one (every call fails, as
 * when the database is unreachable), connections reduced to what the watcher reads and changes,
 * watchers stopped and their log emptied after each test, and a workspace with an owner, an
 * editor and one document.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  startAccessWatcher,
  type AccessWatcher,
  type WatchedConnection,
  type WatchedDoc,
} from '../../server/collab/accessWatcher';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { DocumentRecord, Storage, User, Workspace } from '../../server/storage/types';
import { buildMembership, buildUser } from '../helpers/factories';
import { recordingLogger } from '../helpers/recordingLogger';
import { seedDocument } from './helpers';

/** A connection as the watcher sees it, recording how it was closed. */
export interface TestConnection extends WatchedConnection {
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

/** The warning logged for a failed round (it names no document), as `failures` reports it. */
export const roundFailed = {
  level: 40,
  msg: 'access re-check failed',
  documentId: undefined,
  hasError: true,
};

/**
 * Opens the SQLite storages before the file's tests and removes them after them; stops the
 * watchers a test started and empties `logged` after each test. `ready` hands the storage
 * over to the file.
 */
export function useAccessWatcherWorld(ready: (storage: Storage) => void) {
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
    ready(storage);
  });
  afterEach(() => {
    for (const watcher of watchers.splice(0)) watcher.stop();
    logged.length = 0;
  });
  afterAll(async () => {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  });

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

  const setRole = (workspace: Workspace, user: User, role: 'viewer' | 'editor') =>
    storage.updateMembership({ workspaceId: workspace.id, userId: user.id, role });

  return { logged, watch, world, flakyStorage, failures, setRole };
}
