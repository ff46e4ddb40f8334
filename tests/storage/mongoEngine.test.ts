/**
 * MongoDB-only behaviour at startup, against the MongoDB of `openMongoTestTarget` (MONGODB_URI
 * or the emulator): the indexes the store creates (the list in docs/STORAGE.md), and what it
 * does on a standalone server (refuse, or warn once and run without transactions).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../server/errors';
import { createMongoStorage } from '../../server/storage/mongo';
import type { Storage } from '../../server/storage/types';
import { openMongoTestTarget } from '../helpers/mongoTarget';

const target = await openMongoTestTarget();
const hasServer = 'uri' in target;
if (!hasServer) console.log(`MongoDB engine tests skipped: ${target.skipReason}`);

/**
 * Every index the store creates at startup, by collection (docs/STORAGE.md lists them); every
 * collection the store makes must be listed here.
 */
const EXPECTED_INDEXES: Record<string, string[]> = {
  users: ['_id_', 'email_1 unique', 'organizationId_1'],
  sessions: ['_id_', 'expiresAt_1 ttl=0', 'userId_1'],
  organizations: ['_id_', 'type_1_name_1'],
  workspaces: ['_id_'],
  memberships: ['_id_', 'userId_1', 'workspaceId_1_userId_1 unique'],
  invitations: [
    '_id_',
    'documentId_1_createdAt_-1',
    'tokenHash_1 unique',
    'workspaceId_1_createdAt_-1',
  ],
  documents: [
    '_id_',
    'cityId_1',
    'deletedAt_1',
    'documents_text',
    'policyAreas_1',
    'status_1_updatedAt_-1',
    'workspaceId_1_updatedAt_-1',
  ],
  docUpdates: ['_id_', 'documentId_1_seq_1 unique'],
  docSnapshots: ['_id_'],
  docCounters: ['_id_'],
  auditEvents: ['_id_', 'action_1_at_-1', 'at_-1'],
  settings: ['_id_'],
  documentShares: ['_id_', 'documentId_1_userId_1 unique', 'userId_1'],
  reviewRequests: [
    '_id_',
    'documentId_1_reviewerId_1 unique',
    'reviewerId_1_verdict_1_createdAt_1',
  ],
  reviewSessions: [
    '_id_',
    'documentId_1_startsAt_1_createdAt_1__id_1',
    'workspaceId_1_state_1_startsAt_1',
  ],
  statusChanges: ['_id_', 'documentId_1_createdAt_-1__id_-1'],
  documentVersions: ['_id_', 'documentId_1_createdAt_-1__id_-1'],
  documentOriginals: ['_id_'],
  suggestions: ['_id_', 'documentId_1_createdAt_1__id_1'],
  threads: ['_id_', 'documentId_1_createdAt_1__id_1', 'documentId_1_status_1'],
  comments: [
    '_id_',
    'authorId_1_idempotencyKey_1 unique',
    'documentId_1_createdAt_1__id_1',
    'threadId_1_createdAt_1__id_1',
  ],
  notifications: [
    '_id_',
    'emailedAt_1_isRead_1_createdAt_1',
    'userId_1_createdAt_-1__id_-1',
    'userId_1_isRead_1',
  ],
};

describe.skipIf(!hasServer)('MongoDB engine', () => {
  const uri = hasServer ? target.uri : '';
  const databases: string[] = [];
  const opened: Storage[] = [];
  const open = (options: { requireTransactions: boolean; warnings?: string[] }) => {
    const dbName = `clip_test_${randomUUID().slice(0, 8)}`;
    databases.push(dbName);
    return createMongoStorage({
      uri,
      dbName,
      requireTransactions: options.requireTransactions,
      logger: {
        info: () => undefined,
        warn: (_fields: object, message?: string) => options.warnings?.push(message ?? ''),
      },
    }).then((storage) => {
      opened.push(storage);
      return storage;
    });
  };
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
  });
  afterAll(async () => {
    const connection = await mongoose.createConnection(uri).asPromise();
    for (const name of databases) await connection.useDb(name).dropDatabase();
    await connection.close();
    if (hasServer) await target.stop();
  });

  it('creates every index at startup, the TTL index on sessions included', async () => {
    await open({ requireTransactions: false });
    const connection = await mongoose.createConnection(uri).asPromise();
    try {
      const db = connection.getClient().db(databases.at(-1));
      const found: Record<string, string[]> = {};
      const collections = (await db.listCollections().toArray()).map((c) => String(c.name));
      for (const name of new Set([...Object.keys(EXPECTED_INDEXES), ...collections])) {
        const indexes = await db.collection(name).listIndexes().toArray();
        found[name] = indexes
          .map((index) =>
            [
              String(index.name),
              index.unique ? 'unique' : '',
              index.expireAfterSeconds === undefined ? '' : `ttl=${index.expireAfterSeconds}`,
            ]
              .filter(Boolean)
              .join(' '),
          )
          .sort();
      }
      expect(found).toEqual(EXPECTED_INDEXES);
    } finally {
      await connection.close();
    }
  });

  it.skipIf(hasServer && target.hasTransactions)(
    'refuses a standalone server when transactions are required',
    async () => {
      const error = await open({ requireTransactions: true }).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as Error).message).toContain('MONGODB_REQUIRE_TRANSACTIONS=false');
    },
  );

  it.skipIf(hasServer && target.hasTransactions)(
    'opens a standalone server with one warning when transactions are not required',
    async () => {
      const warnings: string[] = [];
      const storage = await open({ requireTransactions: false, warnings });
      await storage.ping();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('WITHOUT transactions');
    },
  );
});

/**
 * docs/STORAGE.md's index table, as `collection → the text of its index cells`, and the
 * collections the doc names as keyed by `_id` alone.
 */
function readDocumentedIndexes(): { cells: Map<string, string>; idOnly: string } {
  const doc = readFileSync(new URL('../../docs/STORAGE.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('### Indexes'), doc.indexOf('### Bounded queries'));
  const cells = new Map<string, string>();
  for (const line of section.split('\n')) {
    const row = /^\|\s*`(\w+)`\s*\|([^|]*)\|/.exec(line);
    if (row) cells.set(row[1]!, `${cells.get(row[1]!) ?? ''} ${row[2]!}`);
  }
  const idOnly = section.split('\n').find((line) => line.includes('are keyed by `_id`')) ?? '';
  return { cells, idOnly };
}

/** The fields of an index from its default name (`documentId_1_createdAt_-1__id_-1`). */
function indexFields(name: string): string[] {
  return [...name.matchAll(/(?:^|_)(_id|[A-Za-z]+)_-?1(?=_|$)/g)].map((match) => match[1]!);
}

describe('docs/STORAGE.md index table', () => {
  it('names every collection and every field of every index the store creates', () => {
    const { cells, idOnly } = readDocumentedIndexes();
    const missing: string[] = [];
    for (const [collection, indexes] of Object.entries(EXPECTED_INDEXES)) {
      const named = indexes.map((index) => index.split(' ')[0]!).filter((n) => n !== '_id_');
      if (named.length === 0) {
        if (!idOnly.includes(`\`${collection}\``)) missing.push(`${collection} (keyed by _id)`);
        continue;
      }
      const documented = cells.get(collection);
      if (documented === undefined) {
        missing.push(collection);
        continue;
      }
      for (const name of named) {
        const fields = indexFields(name);
        const words = fields.length > 0 ? fields : [name];
        if (!words.every((word) => new RegExp(`\\b${word}\\b`).test(documented)))
          missing.push(`${collection}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
