/**
 * The storage contract against MongoDB: the server MONGODB_URI names, else the mongomock
 * emulator (tests/mongoEmulator) started for this file when /usr/bin/python3 can run it, else
 * skipped with one line. The first line printed says which: "contract against a mongomock
 * emulator" shows the adapter speaks MongoDB's protocol and semantics, not that a real server
 * agrees (docs/STORAGE.md lists what the emulator cannot show). Each test gets its own
 * database, dropped afterwards. The connection-failure tests need no server and always run.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../server/errors';
import { createMongoStorage, describeMongoUri } from '../../server/storage/mongo';
import type { Storage } from '../../server/storage/types';
import { openMongoTestTarget } from '../helpers/mongoTarget';
import { describeStorageContract } from './contract';

const target = await openMongoTestTarget();

if ('uri' in target) {
  const { uri } = target;
  console.log(`storage contract: mongo: contract against ${target.description}`);
  afterAll(() => target.stop());
  describeStorageContract(
    `mongo (${target.label})`,
    async () => {
      const databaseName = `clip_test_${randomUUID().slice(0, 8)}`;
      // A standalone server (the emulator) has no transactions: the store runs without them.
      const open = () =>
        createMongoStorage({ uri, dbName: databaseName, requireTransactions: false });
      const storage = await open();
      const siblings: Storage[] = [];
      return {
        storage,
        async openSibling() {
          const sibling = await open();
          siblings.push(sibling);
          return sibling;
        },
        async cleanup() {
          await Promise.all(siblings.map((sibling) => sibling.close()));
          await storage.close();
          // Its own connection: the store under test may have been closed by the test.
          const connection = mongoose.createConnection(uri, { dbName: databaseName });
          try {
            await connection.asPromise();
            await connection.dropDatabase();
          } finally {
            await connection.close();
          }
        },
      };
    },
    { hasTransactions: target.hasTransactions, hasTextSearch: !target.isEmulator },
  );
} else {
  console.log(`MongoDB contract suite skipped: ${target.skipReason}`);
  describe.skip('storage contract: mongo (set MONGODB_URI to run it)', () => {
    it('runs the storage contract against MongoDB', () => undefined);
  });
}

describe('mongo adapter without a server', () => {
  it('names the host, never the credentials, of a MongoDB URI', () => {
    expect(describeMongoUri('mongodb://clip:s3cret@db1:27017,db2:27018/clip?replicaSet=rs0')).toBe(
      'db1:27017,db2:27018',
    );
    expect(describeMongoUri('mongodb+srv://clip:s3cret@cluster0.example.net/clip')).toBe(
      'cluster0.example.net',
    );
    expect(describeMongoUri('mongodb://localhost')).toBe('localhost');
  });

  it('turns a malformed URI into StorageUnavailableError without echoing the password', async () => {
    const error = await createMongoStorage({ uri: 'mongodb://clip:s3cret@' }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('fails to open with StorageUnavailableError naming the host when nothing listens', async () => {
    const error = await createMongoStorage({
      uri: 'mongodb://clip:s3cret@127.0.0.1:9/clip',
      serverSelectionTimeoutMS: 300,
    }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('127.0.0.1:9');
    expect(message).not.toContain('s3cret');
  });
});
