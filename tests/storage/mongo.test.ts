/**
 * The storage contract against MongoDB, when MONGODB_URI points at a server (each test
 * gets its own database, dropped afterwards). Without one, the suite is skipped with one
 * clear line. The connection-failure tests need no server and always run.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../server/errors';
import { createMongoStorage, describeMongoUri } from '../../server/storage/mongo';
import type { Storage } from '../../server/storage/types';
import { describeStorageContract } from './contract';

const mongodbUri = process.env.MONGODB_URI;

if (mongodbUri) {
  describeStorageContract('mongo', async () => {
    const databaseName = `clip_test_${randomUUID().slice(0, 8)}`;
    const storage = await createMongoStorage({ uri: mongodbUri, dbName: databaseName });
    const siblings: Storage[] = [];
    return {
      storage,
      async openSibling() {
        const sibling = await createMongoStorage({ uri: mongodbUri, dbName: databaseName });
        siblings.push(sibling);
        return sibling;
      },
      async cleanup() {
        await Promise.all(siblings.map((sibling) => sibling.close()));
        await storage.close();
        // Its own connection: the store under test may have been closed by the test.
        const connection = mongoose.createConnection(mongodbUri, { dbName: databaseName });
        try {
          await connection.asPromise();
          await connection.dropDatabase();
        } finally {
          await connection.close();
        }
      },
    };
  });
} else {
  console.log('MongoDB contract suite skipped: MONGODB_URI is not set');
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
