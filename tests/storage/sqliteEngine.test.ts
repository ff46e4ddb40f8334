/**
 * SQLite-only behaviour the contract cannot express: the file on disk, pragmas, the
 * migration runner, restarts, referential integrity and openStorage's engine choice.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotFoundError, StorageUnavailableError } from '../../server/errors';
import { createLogger } from '../../server/logger';
import { openStorage } from '../../server/storage';
import { createSqliteStorage } from '../../server/storage/sqlite';
import { configureConnection, runMigrations } from '../../server/storage/sqlite/database';
import { MIGRATIONS } from '../../server/storage/sqlite/migrations';
import { buildDocument, buildUser, buildWorkspace } from '../helpers/factories';
import { expectRejection } from './contract/helpers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clip-sqlite-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sqlite engine', () => {
  it('creates the data dir and the database file, in WAL mode with the schema recorded', async () => {
    const filename = path.join(dir, 'nested', 'deeper', 'clip.sqlite');
    const storage = await createSqliteStorage({ filename });
    expect(existsSync(filename)).toBe(true);
    const raw = new Database(filename, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    } finally {
      raw.close();
      await storage.close();
    }
  });

  it('keeps every kind of data across a restart on the same file', async () => {
    const filename = path.join(dir, 'clip.sqlite');
    const first = await createSqliteStorage({ filename });
    const user = await buildUser(first, { email: 'keep@example.test' });
    const workspace = await buildWorkspace(first, { owner: user });
    const document = await buildDocument(first, {
      workspace,
      createdBy: user,
      policyAreas: ['housing'],
    });
    const ydoc = new Y.Doc();
    ydoc.getText('default').insert(0, 'Survives restarts');
    const [seq = 0] = await first.appendDocUpdates({
      documentId: document.id,
      updates: [Y.encodeStateAsUpdate(ydoc)],
    });
    await first.compactDoc({
      documentId: document.id,
      snapshot: Y.encodeStateAsUpdate(ydoc),
      upToSeq: seq,
    });
    ydoc.getText('default').insert(0, '» ');
    await first.appendDocUpdates({
      documentId: document.id,
      updates: [Y.encodeStateAsUpdate(ydoc)],
    });
    await first.setSetting({ key: 'registration', value: { isOpen: true } });
    await first.close();

    const second = await createSqliteStorage({ filename });
    try {
      expect(await second.getUserByEmail({ email: 'keep@example.test' })).toEqual(user);
      expect(await second.getDocument({ id: document.id })).toEqual(document);
      expect((await second.listWorkspacesForUser({ userId: user.id })).map((w) => w.id)).toEqual([
        workspace.id,
      ]);
      expect(await second.getSetting({ key: 'registration' })).toEqual({ isOpen: true });
      const state = await second.loadDocState({ documentId: document.id });
      const loaded = new Y.Doc();
      if (state.snapshot) Y.applyUpdate(loaded, state.snapshot);
      for (const update of state.updates) Y.applyUpdate(loaded, update.data);
      expect(loaded.getText('default').toString()).toBe('» Survives restarts');
      // Seqs keep increasing after a restart (AUTOINCREMENT never reuses one).
      const [next = 0] = await second.appendDocUpdates({
        documentId: document.id,
        updates: [new Uint8Array([0, 0])],
      });
      expect(next).toBeGreaterThan(state.updates.at(-1)?.seq ?? Infinity);
    } finally {
      await second.close();
    }
  });

  it('lets two storage instances share one file (two servers in one process)', async () => {
    const filename = path.join(dir, 'clip.sqlite');
    const a = await createSqliteStorage({ filename });
    const b = await createSqliteStorage({ filename });
    try {
      const user = await buildUser(a);
      expect((await b.getUserById({ id: user.id }))?.email).toBe(user.email);
      await b.close();
      expect(await a.countUsers()).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses Yjs log entries for a document that does not exist (foreign key)', async () => {
    const storage = await createSqliteStorage({ filename: path.join(dir, 'clip.sqlite') });
    try {
      await expectRejection(
        storage.appendDocUpdates({ documentId: 'missing', updates: [new Uint8Array([1])] }),
        NotFoundError,
        'reference_not_found',
      );
      await expectRejection(
        storage.compactDoc({ documentId: 'missing', snapshot: new Uint8Array([1]), upToSeq: 1 }),
        NotFoundError,
        'reference_not_found',
      );
    } finally {
      await storage.close();
    }
  });

  it('compacts a log longer than one delete chunk completely, keeping what came after', async () => {
    const storage = await createSqliteStorage({ filename: path.join(dir, 'clip.sqlite') });
    try {
      const owner = await buildUser(storage);
      const workspace = await buildWorkspace(storage, { owner });
      const documentId = (await buildDocument(storage, { workspace, createdBy: owner })).id;
      // 25,000 entries: more than two of the adapter's 10,000-row delete chunks.
      const seqs = await storage.appendDocUpdates({
        documentId,
        updates: Array.from({ length: 25_000 }, (_, i) => new Uint8Array([i % 256])),
      });
      const upToSeq = seqs[24_990] as number;
      // Another document's log is not touched.
      const otherId = (await buildDocument(storage, { workspace, createdBy: owner })).id;
      await storage.appendDocUpdates({ documentId: otherId, updates: [new Uint8Array([7])] });

      await storage.compactDoc({ documentId, snapshot: new Uint8Array([1, 2]), upToSeq });

      const state = await storage.loadDocState({ documentId });
      expect(state.updates.map((update) => update.seq)).toEqual(seqs.slice(24_991));
      expect(await storage.countDocUpdates({ documentId })).toBe(9);
      expect(await storage.countDocUpdates({ documentId: otherId })).toBe(1);
    } finally {
      await storage.close();
    }
  });

  it('refuses a database written by a newer version of the code', async () => {
    const filename = path.join(dir, 'clip.sqlite');
    await (await createSqliteStorage({ filename })).close();
    const raw = new Database(filename);
    raw
      .prepare(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)",
      )
      .run();
    raw.close();
    await expect(createSqliteStorage({ filename })).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

describe('sqlite migration runner', () => {
  // Numbers are handed out per feature, so the list may have gaps: count on from the last one.
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  const extra = [
    ...MIGRATIONS,
    {
      version: latest + 1,
      name: 'add tags',
      sql: 'CREATE TABLE tags (name TEXT PRIMARY KEY)',
    },
  ];

  it('applies only what is new, once', () => {
    const db = new Database(':memory:');
    configureConnection(db);
    try {
      expect(runMigrations({ db, migrations: MIGRATIONS })).toEqual(
        MIGRATIONS.map((m) => m.version),
      );
      expect(runMigrations({ db, migrations: extra })).toEqual([latest + 1]);
      expect(runMigrations({ db, migrations: extra })).toEqual([]);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'tags'").get()).toEqual({
        name: 'tags',
      });
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back completely', () => {
    const db = new Database(':memory:');
    configureConnection(db);
    const broken = [
      ...MIGRATIONS,
      {
        version: latest + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM nowhere;',
      },
    ];
    try {
      expect(() => runMigrations({ db, migrations: broken })).toThrow();
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get(),
      ).toBeUndefined();
      expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({
        v: latest,
      });
    } finally {
      db.close();
    }
  });
});

describe('sqlite schema upgrade', () => {
  it('upgrades a version-1 database in place, backfilling the search column', async () => {
    const filename = path.join(dir, 'clip.sqlite');
    const old = new Database(filename);
    configureConnection(old);
    runMigrations({ db: old, migrations: MIGRATIONS.slice(0, 1) });
    const now = Date.now();
    old
      .prepare(
        "INSERT INTO workspaces (id, name, created_by_id, created_at, updated_at) VALUES ('w', 'W', 'u', ?, ?)",
      )
      .run(now, now);
    old
      .prepare(
        `INSERT INTO documents (id, workspace_id, title, kind, status, created_by_id, created_at, updated_at, plain_text)
         VALUES ('d', 'w', 'Wohnen in ZÜRICH', 'note', 'draft', 'u', ?, ?, 'Intercultural Policies')`,
      )
      .run(now, now);
    old.close();

    const storage = await createSqliteStorage({ filename });
    try {
      const found = async (text: string) =>
        (await storage.listDocuments({ filter: { text } })).map((d) => d.id);
      expect(await found('zürich')).toEqual(['d']);
      expect(await found('INTERCULTURAL')).toEqual(['d']);
      expect(await found('nowhere')).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});

describe('openStorage', () => {
  it('opens SQLite under DATA_DIR when no MONGODB_URI is configured', async () => {
    const dataDir = path.join(dir, 'data');
    const storage = await openStorage({
      config: { dataDir, mongodbUri: null, mongodbRequireTransactions: false },
      logger: createLogger({ logLevel: 'silent' }),
    });
    try {
      expect(storage.engine).toBe('sqlite');
      expect(existsSync(path.join(dataDir, 'clip.sqlite'))).toBe(true);
    } finally {
      await storage.close();
    }
  });
});
