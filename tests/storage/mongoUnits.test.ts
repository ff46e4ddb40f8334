/**
 * The MongoDB adapter's pure helpers (URI description, limits, regex escaping, error
 * translation, the replica-set check and the transaction wrapper), which need no server. Driver errors are the driver's own classes, built
 * the way the driver builds them; the contract itself runs in `mongo.test.ts`.
 */
import mongoose, { type Connection } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ConflictError, StorageUnavailableError } from '../../server/errors';
import { createMongoStorage, describeMongoUri } from '../../server/storage/mongo';
import { isDuplicateKeyError, mapMongoError } from '../../server/storage/mongo/errors';
import {
  checkTransactionSupport,
  createMongoTransactions,
  supportsTransactions,
} from '../../server/storage/mongo/transactions';
import { escapeRegExp, toCursorLimit, toObjectId } from '../../server/storage/mongo/values';

const { MongoBulkWriteError, MongoNetworkError, MongoServerError } = mongoose.mongo;

/**
 * A bulk-write error as `insertMany` throws it: with a server's write errors, or wrapping
 * the driver error that stopped the batch. The adapter never reads the bulk result.
 */
function bulkWriteError(
  cause: ConstructorParameters<typeof MongoBulkWriteError>[0],
): InstanceType<typeof MongoBulkWriteError> {
  return new MongoBulkWriteError(cause, null as never);
}

describe('describeMongoUri', () => {
  it('never shows part of a password that holds unescaped characters', async () => {
    for (const uri of [
      'mongodb://clip:Zq9secret/xx@127.0.0.1:9/clip',
      'mongodb://clip:Zq9secret?xx@127.0.0.1:9/clip',
      'mongodb://clip:Zq9secret#xx@127.0.0.1:9/clip',
      'mongodb://clip:Zq9@secret/xx@127.0.0.1:9/clip',
    ]) {
      expect(describeMongoUri(uri)).not.toContain('Zq9');
      expect(describeMongoUri(uri)).not.toContain('secret');
    }
    const error = await createMongoStorage({
      uri: 'mongodb://clip:Zq9secret/xx@127.0.0.1:9/clip',
      serverSelectionTimeoutMS: 200,
    }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).not.toContain('Zq9');
  });

  it('still names the hosts of well-formed URIs', () => {
    expect(describeMongoUri('mongodb://clip:p%2Fss@db1:27017,db2:27018/clip?w=majority')).toBe(
      'db1:27017,db2:27018',
    );
    expect(describeMongoUri('mongodb://localhost:27017/clip?appName=clip')).toBe('localhost:27017');
    expect(describeMongoUri('mongodb://u:p@ss@host:1/db')).toBe('host:1');
  });
});

describe('toObjectId', () => {
  it('maps exactly the ids the adapter hands out, and nothing else', () => {
    const id = new mongoose.Types.ObjectId().toHexString();
    expect(toObjectId(id)?.toHexString()).toBe(id);
    // Ids are opaque: an upper-cased copy is another id (on SQLite too), not an alias.
    expect(toObjectId(id.toUpperCase())).toBeNull();
    for (const other of ['no-such-id-0000', `${id}0`, { $ne: null }, 42, null]) {
      expect(toObjectId(other)).toBeNull();
    }
  });
});

describe('toCursorLimit', () => {
  it('lists nothing for any limit that floors to 0 or below (MongoDB reads 0 as "all")', () => {
    for (const limit of [0, 0.5, 0.999, -1, -0.5, Number.NaN, -Infinity]) {
      expect(toCursorLimit(limit)).toBeNull();
    }
  });

  it('floors a positive limit and leaves a missing or infinite one unbounded', () => {
    expect(toCursorLimit(1)).toBe(1);
    expect(toCursorLimit(2.7)).toBe(2);
    expect(toCursorLimit(undefined)).toBeUndefined();
    expect(toCursorLimit(Infinity)).toBeUndefined();
  });
});

describe('escapeRegExp', () => {
  it('makes every pattern character literal', () => {
    for (const text of ['[draft] (a.b*)', '100%', '.*', 'a+b?c^$|{2}\\d', 'x/y-z']) {
      const pattern = new RegExp(escapeRegExp(text), 'i');
      expect(pattern.test(`before ${text.toUpperCase()} after`)).toBe(true);
    }
    expect(new RegExp(escapeRegExp('.*'), 'i').test('anything')).toBe(false);
  });

  it('never puts a NUL byte into the pattern (MongoDB refuses those)', () => {
    const escaped = escapeRegExp('a\0b');
    expect(escaped).not.toContain('\0');
    expect(new RegExp(escaped).test('xa\0by')).toBe(true);
    expect(new RegExp(escaped).test('ab')).toBe(false);
  });
});

describe('MongoDB error translation', () => {
  it('turns a duplicate key into ConflictError with the caller’s code', () => {
    const duplicate = new MongoServerError({ message: 'E11000 duplicate key', code: 11000 });
    const mapped = mapMongoError(duplicate, { conflictCode: 'email_taken' });
    expect(mapped).toBeInstanceOf(ConflictError);
    expect((mapped as ConflictError).code).toBe('email_taken');
  });

  it('recognises a duplicate key reported by a bulk write (insertMany)', () => {
    // As the driver builds it: the batch takes the code of its first write error.
    const bulk = bulkWriteError({ message: 'E11000 duplicate key', code: 11000 });
    expect(isDuplicateKeyError(bulk)).toBe(true);
    expect(mapMongoError(bulk)).toBeInstanceOf(ConflictError);
    expect(isDuplicateKeyError(new MongoServerError({ message: 'other', code: 2 }))).toBe(false);
  });

  it('treats a network failure wrapped by a bulk write as StorageUnavailableError', () => {
    const wrapped = bulkWriteError(new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:9'));
    expect(wrapped.name).toBe('MongoBulkWriteError');
    expect(mapMongoError(wrapped)).toBeInstanceOf(StorageUnavailableError);
    expect(mapMongoError(new MongoNetworkError('down'))).toBeInstanceOf(StorageUnavailableError);
  });

  it('leaves errors it does not know unchanged', () => {
    const error = new Error('something else');
    expect(mapMongoError(error)).toBe(error);
  });
});

describe('checkTransactionSupport', () => {
  it('lets a replica-set member and a mongos run transactions, whatever the setting', () => {
    for (const hello of [{ setName: 'rs0' }, { msg: 'isdbgrid' }]) {
      expect(supportsTransactions(hello)).toBe(true);
      for (const requireTransactions of [true, false]) {
        expect(checkTransactionSupport({ hello, host: 'db1', requireTransactions })).toBeNull();
      }
    }
    expect(supportsTransactions({ setName: '' })).toBe(false);
  });

  it('refuses a standalone server when transactions are required, saying what to do', () => {
    let error: unknown = null;
    try {
      checkTransactionSupport({ hello: {}, host: 'db1:27017', requireTransactions: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StorageUnavailableError);
    const message = (error as Error).message;
    for (const hint of ['db1:27017', 'replica set', '--replSet', 'MONGODB_REQUIRE_TRANSACTIONS']) {
      expect(message).toContain(hint);
    }
  });

  it('runs on a standalone server without transactions after one warning when allowed', () => {
    const outcome = checkTransactionSupport({
      hello: {},
      host: 'db1:27017',
      requireTransactions: false,
    });
    expect(outcome?.warning).toContain('db1:27017');
    expect(outcome?.warning).toContain('WITHOUT transactions');
  });
});

/**
 * The replica-set path without a replica set: `connection.transaction` is mongoose's (it
 * starts, commits, retries and aborts); what is ours is that one session transaction wraps
 * the callback and that nested calls join it instead of starting another.
 */
describe('createMongoTransactions', () => {
  function recordingConnection() {
    const calls: string[] = [];
    const connection = {
      async transaction<T>(work: () => Promise<T>): Promise<T> {
        calls.push('begin');
        try {
          const result = await work();
          calls.push('commit');
          return result;
        } catch (error) {
          calls.push('abort');
          throw error;
        }
      },
    };
    return { calls, connection: connection as unknown as Connection };
  }

  it('runs the callback in one session transaction, nested calls included', async () => {
    const { calls, connection } = recordingConnection();
    const transactions = createMongoTransactions(connection, { hasTransactions: true });
    const result = await transactions.withTransaction(async () => {
      calls.push('outer');
      return transactions.withTransaction(async () => {
        calls.push('inner');
        return 42;
      });
    });
    expect(result).toBe(42);
    expect(calls).toEqual(['begin', 'outer', 'inner', 'commit']);
  });

  it('aborts on an error and rethrows it', async () => {
    const { calls, connection } = recordingConnection();
    const transactions = createMongoTransactions(connection, { hasTransactions: true });
    const failure = new Error('no');
    await expect(
      transactions.withTransaction(async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toEqual(['begin', 'abort']);
  });

  it('never opens a session transaction on a server without them', async () => {
    const { calls, connection } = recordingConnection();
    const transactions = createMongoTransactions(connection, { hasTransactions: false });
    expect(await transactions.withTransaction(async () => 'done')).toBe('done');
    expect(calls).toEqual([]);
  });
});
