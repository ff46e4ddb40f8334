/**
 * Transactions for the MongoDB adapter: a mongoose session transaction
 * (`connection.transaction`, which retries on transient errors and commits or aborts).
 * With mongoose's `transactionAsyncLocalStorage`, every query made inside the callback
 * carries the session without being handed it, so the adapter's modules need no change.
 *
 * MongoDB runs transactions only on a replica set or a sharded cluster. On a standalone
 * server the store either refuses to open (`requireTransactions`, the default in production)
 * or runs callbacks without a transaction, after one warning (see docs/STORAGE.md).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import mongoose, { type Connection } from 'mongoose';
import { StorageUnavailableError } from '../../errors';

// Global, but harmless: it only affects queries made inside `connection.transaction`.
mongoose.set('transactionAsyncLocalStorage', true);

/** The parts of MongoDB's `hello` answer that tell the deployment type. */
export interface HelloAnswer {
  /** Set on a replica-set member. */
  setName?: unknown;
  /** `isdbgrid` on a `mongos` (sharded cluster). */
  msg?: unknown;
}

/** True when the server runs transactions: a replica-set member or a mongos. */
export function supportsTransactions(hello: HelloAnswer): boolean {
  const isReplicaSet = typeof hello.setName === 'string' && hello.setName !== '';
  return isReplicaSet || hello.msg === 'isdbgrid';
}

/**
 * What the store does on a server without transactions: throws `StorageUnavailableError`
 * when they are required, else returns the one warning to log. Null when transactions run.
 */
export function checkTransactionSupport(input: {
  hello: HelloAnswer;
  host: string;
  requireTransactions: boolean;
}): { warning: string } | null {
  if (supportsTransactions(input.hello)) return null;
  const howToFix =
    'Start it as a single-node replica set (`mongod --replSet rs0`, then `rs.initiate()` once) ' +
    'and add `?replicaSet=rs0` to MONGODB_URI';
  if (input.requireTransactions) {
    throw new StorageUnavailableError(
      `MongoDB at ${input.host} is a standalone server; CLIP needs transactions, which MongoDB ` +
        `runs only on a replica set. ${howToFix}, or set MONGODB_REQUIRE_TRANSACTIONS=false to ` +
        'run without them (docs/STORAGE.md says what is lost).',
    );
  }
  return {
    warning:
      `MongoDB at ${input.host} is a standalone server: running WITHOUT transactions ` +
      '(multi-write operations apply one write at a time; a crash or failure halfway keeps ' +
      `the writes made before it). ${howToFix}.`,
  };
}

/** Runs a callback "in a transaction"; a nested call joins the outer one. */
export interface MongoTransactions {
  withTransaction<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Session transactions on `connection`, or, when `hasTransactions` is false (a standalone
 * server, allowed by MONGODB_REQUIRE_TRANSACTIONS=false), the callback run as it is: each
 * write applies on its own, and nothing is rolled back when the callback throws.
 */
export function createMongoTransactions(
  connection: Connection,
  options: { hasTransactions: boolean },
): MongoTransactions {
  if (!options.hasTransactions) return { withTransaction: (work) => work() };
  const insideTransaction = new AsyncLocalStorage<true>();
  return {
    async withTransaction(work) {
      if (insideTransaction.getStore()) return work();
      return connection.transaction(() => insideTransaction.run(true, work));
    },
  };
}
