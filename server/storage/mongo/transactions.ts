/**
 * Transactions for the MongoDB adapter: a mongoose session transaction
 * (`connection.transaction`, which retries on transient errors and commits or aborts).
 * With mongoose's `transactionAsyncLocalStorage`, every query made inside the callback
 * carries the session without being handed it, so the adapter's modules need no change.
 * MongoDB runs transactions only on a replica set or a sharded cluster: the store refuses
 * to open on a standalone server (`assertTransactionsSupported`).
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

/**
 * Throws `StorageUnavailableError` unless the server can run transactions (a replica-set
 * member or a mongos). A single-node replica set is enough.
 */
export function assertTransactionsSupported(hello: HelloAnswer, host: string): void {
  const isReplicaSet = typeof hello.setName === 'string' && hello.setName !== '';
  const isMongos = hello.msg === 'isdbgrid';
  if (isReplicaSet || isMongos) return;
  throw new StorageUnavailableError(
    `MongoDB at ${host} is a standalone server; CLIP needs transactions, which MongoDB runs ` +
      'only on a replica set. Start it as a single-node replica set (`mongod --replSet rs0`, ' +
      'then `rs.initiate()` once) and add `?replicaSet=rs0` to MONGODB_URI.',
  );
}

/** Runs callbacks in session transactions on `connection`; a nested call joins the outer one. */
export function createMongoTransactions(connection: Connection): {
  withTransaction<T>(work: () => Promise<T>): Promise<T>;
} {
  const insideTransaction = new AsyncLocalStorage<true>();
  return {
    async withTransaction(work) {
      if (insideTransaction.getStore()) return work();
      return connection.transaction(() => insideTransaction.run(true, work));
    },
  };
}
