/**
 * Transactions for the SQLite adapter, whose callers are async although better-sqlite3 is
 * synchronous. better-sqlite3's own `db.transaction(fn)` cannot take an async `fn` (it
 * would commit at the first `await`), so a transaction is opened by hand (`BEGIN
 * IMMEDIATE` … `COMMIT` / `ROLLBACK`) on the store's one connection, and stays open across
 * the callback's awaits. While it is open, the rest of the process must not use the
 * connection, or its writes would silently join (and be rolled back with) the transaction,
 * and its reads would see uncommitted data. So every storage call goes through `run`:
 * - a call made from inside the transaction (found with AsyncLocalStorage) runs at once;
 * - any other call waits until no transaction is open. Each method's SQL runs
 *   synchronously once it starts (no adapter method awaits between statements), so nothing
 *   can begin a transaction halfway through a call.
 * One transaction at a time per store, in the order they asked.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { translateSqlite } from './errors';

/** What `createSqliteTransactions` gives the adapter. */
export interface SqliteTransactions {
  /** Runs one storage call now if no other transaction holds the connection, else after it. */
  run<T>(call: () => Promise<T>): Promise<T>;
  /** Runs `work` in a transaction (joining the current one when called from inside it). */
  withTransaction<T>(work: () => Promise<T>): Promise<T>;
}

/** Serialises transactions on `db` and holds other storage calls while one is open. */
export function createSqliteTransactions(db: Database.Database): SqliteTransactions {
  const insideTransaction = new AsyncLocalStorage<{ isOpen: boolean }>();
  // Settles when the open transaction ends; null when none is open.
  let openTransaction: Promise<void> | null = null;

  const isInsideOpenTransaction = (): boolean => insideTransaction.getStore()?.isOpen === true;

  // The waits below are inline loops, never a helper that is awaited: the check that no
  // transaction is open and the work that relies on it must run in the same synchronous
  // step (awaiting a helper adds a tick in which another caller could BEGIN).

  return {
    async run(call) {
      while (openTransaction && !isInsideOpenTransaction()) await openTransaction;
      return call();
    },

    async withTransaction(work) {
      if (isInsideOpenTransaction()) return work();
      while (openTransaction) await openTransaction;
      let release = (): void => undefined;
      openTransaction = new Promise((resolve) => {
        release = resolve;
      });
      const state = { isOpen: true };
      try {
        // IMMEDIATE: take the write lock now, so another process cannot make us fail later.
        translateSqlite(() => db.exec('BEGIN IMMEDIATE'));
        let result: Awaited<ReturnType<typeof work>>;
        try {
          result = await insideTransaction.run(state, work);
          translateSqlite(() => db.exec('COMMIT'));
        } catch (error) {
          // Some failures (a full disk, say) end the transaction themselves.
          if (db.open && db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
        return result;
      } finally {
        // A call the callback left running after it returned must not use the connection
        // as if it were still inside: from now on it waits like everyone else.
        state.isOpen = false;
        openTransaction = null;
        release();
      }
    },
  };
}
