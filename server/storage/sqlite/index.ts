/**
 * The SQLite adapter of the storage port (better-sqlite3, WAL): the zero-config default
 * and the engine tests use when no MongoDB runs. Composed from one module per entity.
 */
import { StorageUnavailableError } from '../../errors';
import type { Storage } from '../types';
import { createSqliteAudit } from './audit';
import { openSqliteDatabase } from './database';
import { createSqliteDocumentOriginals } from './documentOriginals';
import { createSqliteDocuments } from './documents';
import { createSqliteDocUpdates } from './docUpdates';
import { createSqliteInvitations } from './invitations';
import { createSqliteNotifications } from './notifications';
import { createSqliteOrganizations } from './organizations';
import { createSqliteReviewRequests } from './reviewRequests';
import { createSqliteReviewSessions } from './reviewSessions';
import { createSqliteSearch } from './search';
import { createSqliteShares } from './shares';
import { createSqliteUsers } from './users';
import { createSqliteSuggestions } from './suggestions';
import { createSqliteThreads } from './threads';
import { createSqliteTransactions } from './transactions';
import { createSqliteVersions } from './versions';
import { createSqliteWorkspaces } from './workspaces';

/**
 * Wraps every method of `methods` in `run` (see `transactions.ts`). One cast: the
 * wrapper forwards each method's own arguments and result unchanged.
 */
function gateMethods<T extends object>(
  methods: T,
  run: <R>(call: () => Promise<R>) => Promise<R>,
): T {
  const gated: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    const call = method as (...args: unknown[]) => Promise<unknown>;
    gated[name] = (...args: unknown[]) => run(() => call(...args));
  }
  return gated as T;
}

/** Opens (creating and migrating when needed) the SQLite database at `filename`. */
export async function createSqliteStorage(options: { filename: string }): Promise<Storage> {
  const context = openSqliteDatabase({ filename: options.filename });
  const { db } = context;
  const transactions = createSqliteTransactions(db);
  const methods = gateMethods(
    {
      ...createSqliteUsers(context),
      ...createSqliteOrganizations(context),
      ...createSqliteWorkspaces(context),
      ...createSqliteInvitations(context),
      ...createSqliteDocuments(context),
      ...createSqliteDocUpdates(context),
      ...createSqliteAudit(context),
      ...createSqliteVersions(context),
      ...createSqliteSearch(context),
      ...createSqliteThreads(context),
      ...createSqliteSuggestions(context),
      ...createSqliteNotifications(context),
      ...createSqliteReviewSessions(context),
      ...createSqliteReviewRequests(context),
      ...createSqliteShares(context),
      ...createSqliteDocumentOriginals(context),
      async close() {
        if (!db.open) return;
        // Fold the WAL back into the main file so a closed database is one self-contained file.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      },
    },
    transactions.run,
  );
  const storage: Storage = {
    engine: 'sqlite',
    async ping() {
      try {
        db.prepare('SELECT 1').get();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new StorageUnavailableError(`SQLite ping failed: ${reason}`);
      }
    },
    ...methods,
    // The callback gets this same store: its calls are recognised as inside the transaction.
    withTransaction: (work) => transactions.withTransaction(() => work(storage)),
  };
  return storage;
}
