/**
 * The emulator itself, through the MongoDB Node driver: the behaviour the storage adapter
 * relies on must be MongoDB's, or the contract run against it proves nothing. Binary data
 * comes back byte for byte with its subtype; unique indexes refuse duplicates with E11000 and
 * the index's key; overlapping update paths are refused (code 40); it is a standalone server
 * that refuses transactions. Skipped, with one line, where the emulator cannot run.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  isMongoEmulatorInstalled,
  startMongoEmulator,
  type MongoEmulator,
} from '../helpers/mongoEmulator';

const { Binary, MongoClient, MongoServerError } = mongoose.mongo;
type Db = mongoose.mongo.Db;

const isInstalled = isMongoEmulatorInstalled();
if (!isInstalled) {
  console.log('MongoDB emulator tests skipped: /usr/bin/python3 lacks mockupdb/mongomock');
}

/** The server error a promise rejects with (fails the test if it resolves). */
async function serverError(promise: Promise<unknown>): Promise<mongoose.mongo.MongoServerError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return error as mongoose.mongo.MongoServerError;
}

describe.skipIf(!isInstalled)('mongomock emulator', () => {
  let emulator: MongoEmulator;
  let client: mongoose.mongo.MongoClient;
  let db: Db;

  beforeAll(async () => {
    emulator = await startMongoEmulator();
    client = await new MongoClient(emulator.uri, { serverSelectionTimeoutMS: 5000 }).connect();
  });
  afterAll(async () => {
    await client?.close();
    await emulator?.stop();
  });
  beforeEach(() => {
    db = client.db(`emulator_${randomUUID().slice(0, 8)}`);
  });

  it('keeps Binary data byte for byte, with its subtype', async () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'héllo wörld');
    const update = Y.encodeStateAsUpdate(doc);
    const values = {
      yjs: Buffer.from(update),
      uuid: new Binary(Buffer.alloc(16, 0xab), Binary.SUBTYPE_UUID),
      legacyUuid: new Binary(Buffer.alloc(16, 0xcd), Binary.SUBTYPE_UUID_OLD),
      md5: new Binary(Buffer.from([1, 2, 3]), Binary.SUBTYPE_MD5),
      custom: new Binary(Buffer.from([0, 255, 0]), Binary.SUBTYPE_USER_DEFINED),
      empty: Buffer.alloc(0),
    };
    await db.collection('bytes').insertOne({ _id: 'one', ...values } as never);
    const stored = await db.collection('bytes').findOne({ _id: 'one' } as never);
    for (const [key, sent] of Object.entries(values)) {
      const back = stored?.[key] as InstanceType<typeof Binary>;
      const sentBinary = sent instanceof Binary ? sent : new Binary(sent);
      expect(back.sub_type, key).toBe(sentBinary.sub_type);
      expect(
        Buffer.from(back.buffer.subarray(0, back.position)).equals(Buffer.from(sentBinary.value())),
      ).toBe(true);
    }
    const copy = new Y.Doc();
    const yjs = stored?.yjs as InstanceType<typeof Binary>;
    Y.applyUpdate(copy, new Uint8Array(yjs.buffer.subarray(0, yjs.position)));
    expect(copy.getText('t').toString()).toBe('héllo wörld');
  });

  it('refuses a duplicate under a unique index with E11000, its key pattern and value', async () => {
    const users = db.collection('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertOne({ email: 'a@example.org' });
    const duplicate = await serverError(users.insertOne({ email: 'a@example.org' }));
    expect(duplicate.code).toBe(11000);
    expect(duplicate.keyPattern).toEqual({ email: 1 });
    expect(duplicate.keyValue).toEqual({ email: 'a@example.org' });
    expect(duplicate.message).toContain('E11000');

    await users.insertOne({ email: 'b@example.org' });
    const update = await serverError(
      users.updateOne({ email: 'b@example.org' }, { $set: { email: 'a@example.org' } }),
    );
    expect(update.code).toBe(11000);
    const findAndModify = await serverError(
      users.findOneAndUpdate({ email: 'b@example.org' }, { $set: { email: 'a@example.org' } }),
    );
    expect(findAndModify.code).toBe(11000);
    expect(findAndModify.keyPattern).toEqual({ email: 1 });
    // Refused writes change nothing.
    expect(await users.countDocuments({ email: 'b@example.org' })).toBe(1);
  });

  it('enforces a compound unique index and stops an ordered insertMany at the duplicate', async () => {
    const log = db.collection('log');
    await log.createIndex({ documentId: 1, seq: 1 }, { unique: true });
    const error = await log
      .insertMany(
        [
          { documentId: 'd', seq: 1 },
          { documentId: 'd', seq: 2 },
          { documentId: 'd', seq: 1 },
          { documentId: 'd', seq: 3 },
        ],
        { ordered: true },
      )
      .then(
        () => null,
        (reason: unknown) => reason as mongoose.mongo.MongoBulkWriteError,
      );
    expect(error?.code).toBe(11000);
    expect(await log.countDocuments({})).toBe(2);
    await log.insertOne({ documentId: 'e', seq: 1 });
  });

  it('checks every document of a large insertMany against the keys stored and those before it', async () => {
    const log = db.collection('bigLog');
    await log.createIndex({ documentId: 1, seq: 1 }, { unique: true });
    await log.insertOne({ documentId: 'd', seq: 7 });
    const rows = Array.from({ length: 5_000 }, (_, seq) => ({ documentId: 'd', seq: seq + 10 }));
    rows.splice(100, 0, { documentId: 'd', seq: 7 }); // stored before this insert
    rows.splice(4_000, 0, { documentId: 'd', seq: 20 }); // earlier in this insert
    const error = await log.insertMany(rows, { ordered: false }).then(
      () => null,
      (reason: unknown) => reason as mongoose.mongo.MongoBulkWriteError,
    );
    expect(error?.writeErrors).toBeDefined();
    const refused = [error!.writeErrors].flat().map((writeError) => writeError.index);
    expect(refused).toEqual([100, 4_000]);
    expect(await log.countDocuments({})).toBe(5_001);
  });

  it('compares keys in a many-document insert as MongoDB does', async () => {
    const values = db.collection('keys');
    await values.createIndex({ k: 1 }, { unique: true });
    // 1 and 1.0 are one key, true is another; an array indexes each element; a missing field
    // is null. Written in one insertMany, so each is checked against the ones before it.
    const documents = [{ k: 1 }, { k: true }, { k: 1.0 }, { k: [5, 6] }, { k: 6 }, { k: null }, {}];
    const error = await values.insertMany(documents, { ordered: false }).then(
      () => null,
      (reason: unknown) => reason as mongoose.mongo.MongoBulkWriteError,
    );
    const refused = [error!.writeErrors].flat().map((writeError) => writeError.index);
    expect(refused).toEqual([2, 4, 6]);
    expect(await values.countDocuments({})).toBe(4);
  });

  it('refuses overlapping update paths with code 40, as MongoDB does', async () => {
    const things = db.collection('things');
    await things.insertOne({ _id: 'x', a: { b: 1 }, n: 1 } as never);
    for (const update of [
      { $set: { n: 5 }, $inc: { n: 1 } },
      { $set: { a: {} }, $unset: { 'a.b': '' } },
      { $set: { 'a.b': 2, a: { c: 1 } } },
    ]) {
      const error = await serverError(things.updateOne({ _id: 'x' } as never, update));
      expect(error.code).toBe(40);
    }
    await things.updateOne({ _id: 'x' } as never, { $set: { 'a.b': 2, 'a.c': 3 }, $inc: { n: 1 } });
    expect(await things.findOne({ _id: 'x' } as never)).toEqual({
      _id: 'x',
      a: { b: 2, c: 3 },
      n: 2,
    });
  });

  it('answers finds, counts, upserts and index listings in MongoDB’s shapes', async () => {
    const docs = db.collection('docs');
    await docs.insertMany([1, 2, 3, 4, 5].map((n) => ({ n, even: n % 2 === 0, text: `t${n}` })));
    const page = await docs
      .find({ even: false }, { projection: { _id: 0, n: 1 } })
      .sort({ n: -1 })
      .skip(1)
      .limit(1)
      .toArray();
    expect(page).toEqual([{ n: 3 }]);
    expect(await docs.countDocuments({ n: { $gte: 2 } })).toBe(4);
    expect((await docs.distinct('even')).sort()).toEqual([false, true]);
    const upserted = await docs.updateOne({ n: 9 }, { $set: { text: 'new' } }, { upsert: true });
    expect(upserted.upsertedCount).toBe(1);
    const counter = await docs.findOneAndUpdate(
      { _id: 'counter' } as never,
      { $inc: { seq: 3 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(counter).toEqual({ _id: 'counter', seq: 3 });
    await db.collection('sessions').createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const indexes = await db.collection('sessions').listIndexes().toArray();
    expect(indexes.find((index) => index.name === 'expiresAt_1')?.expireAfterSeconds).toBe(0);
  });

  it('is a standalone server: no replica set, and transactions are refused', async () => {
    const hello = await db.admin().command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
    expect(hello.setName).toBeUndefined();
    const session = client.startSession();
    try {
      const error = await session
        .withTransaction(() => db.collection('t').insertOne({ a: 1 }, { session }))
        .then(
          () => null,
          (reason: unknown) => reason,
        );
      expect(error).toBeInstanceOf(Error);
      expect(await db.collection('t').countDocuments({})).toBe(0);
    } finally {
      await session.endSession();
    }
  });

  it('answers an unknown command with CommandNotFound (59)', async () => {
    const error = await serverError(db.command({ noSuchCommand: 1 }));
    expect(error.code).toBe(59);
  });
});
