/**
 * The MongoDB adapter of the storage port (mongoose): the production store, chosen by
 * MONGODB_URI. One connection per storage instance (never mongoose's global default), so
 * several stores can live in one process; filters are sanitised on the connection.
 */
import mongoose, { trusted, type Connection, type Model } from 'mongoose';
import { StorageUnavailableError } from '../../errors';
import type { Logger } from '../../logger';
import type { Storage } from '../types';
import { createMongoAudit } from './audit';
import { createMongoContext } from './context';
import { createMongoDocumentOriginals } from './documentOriginals';
import { createMongoDocuments } from './documents';
import { createMongoDocUpdates } from './docUpdates';
import { createMongoInvitations } from './invitations';
import { createModels, type MongoModels } from './models';
import { createMongoNotifications } from './notifications';
import { createMongoShares } from './shares';
import { createMongoOrganizations } from './organizations';
import { checkTransactionSupport, createMongoTransactions, type HelloAnswer } from './transactions';
import { createReviewModels, type ReviewModels } from './reviewModels';
import { createReviewRequestModels, type ReviewRequestModels } from './reviewRequestModels';
import { createMongoReviewRequests } from './reviewRequests';
import { createMongoReviewSessions } from './reviewSessions';
import { createMongoSearch } from './search';
import { backfillSearchText } from './searchText';
import { createThreadModels, type ThreadModels } from './threadModels';
import { createMongoSuggestions, createSuggestionModel, type SuggestionDoc } from './suggestions';
import { createMongoThreads } from './threads';
import { createMongoUsers } from './users';
import { createMongoVersions } from './versions';
import { createMongoWorkspaces } from './workspaces';

/**
 * The host list of a MongoDB URI, for logs and error messages: credentials, database
 * and options are left out (`mongodb://u:p@a:1,b:2/db?x` → `a:1,b:2`). An `@` after
 * the first `/`, `?` or `#` may end a password with unescaped characters
 * (`mongodb://u:pa/ss@host`, which the driver refuses): nothing before it can be shown
 * safely, so the host is then "unknown".
 */
export function describeMongoUri(uri: string): string {
  const withoutScheme = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const authority = withoutScheme.split(/[/?#]/, 1)[0] ?? '';
  if (withoutScheme.lastIndexOf('@') >= authority.length) return 'unknown host';
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  return hosts || 'unknown host';
}

/** Removes `user:password@` (up to the last `@`) from any URI quoted inside a message. */
function redactCredentials(message: string): string {
  return message.replace(/(mongodb(?:\+srv)?:\/\/)\S*@/g, '$1***@');
}

/**
 * Connects, creates the collections and their indexes, and returns the store.
 * Throws `StorageUnavailableError` naming the host when MongoDB cannot be reached.
 */
export async function createMongoStorage(options: {
  uri: string;
  /** Database to use instead of the URI's (tests give each run its own). */
  dbName?: string;
  /** How long to look for a server before giving up (tests shorten it). */
  serverSelectionTimeoutMS?: number;
  /**
   * Refuse a standalone server (no transactions) instead of running without them.
   * Default true; MONGODB_REQUIRE_TRANSACTIONS sets it (see server/env.ts).
   */
  requireTransactions?: boolean;
  /** Where the startup line about transactions goes (a warning when there are none). */
  logger?: Pick<Logger, 'info' | 'warn'>;
}): Promise<Storage> {
  const host = describeMongoUri(options.uri);
  let connection: Connection | null = null;
  let models: MongoModels;
  let hasTransactions: boolean;
  let threadModels: ThreadModels;
  let reviewModels: ReviewModels;
  let reviewRequestModels: ReviewRequestModels;
  let suggestionModel: Model<SuggestionDoc>;
  try {
    // Inside the try: a malformed URI throws right here.
    connection = mongoose.createConnection(options.uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
      bufferCommands: false,
      autoIndex: true,
      sanitizeFilter: true,
      ...(options.dbName ? { dbName: options.dbName } : {}),
    });
    await connection.asPromise();
    const hello = await connection.getClient().db('admin').command({ hello: 1 });
    const fallback = checkTransactionSupport({
      hello: hello as HelloAnswer,
      host,
      requireTransactions: options.requireTransactions ?? true,
    });
    hasTransactions = fallback === null;
    if (fallback) options.logger?.warn({ storage: 'mongo', host }, fallback.warning);
    else options.logger?.info({ storage: 'mongo', host }, `MongoDB at ${host}: transactions on`);
    models = createModels(connection);
    // init() waits for each model's collection and indexes (unique email, memberships, …).
    await Promise.all(Object.values(models).map((model) => model.init()));
    threadModels = createThreadModels(connection);
    await Promise.all(Object.values(threadModels).map((model) => model.init()));
    reviewModels = createReviewModels(connection);
    await Promise.all(Object.values(reviewModels).map((model) => model.init()));
    reviewRequestModels = createReviewRequestModels(connection);
    await Promise.all(Object.values(reviewRequestModels).map((model) => model.init()));
    suggestionModel = createSuggestionModel(connection);
    await suggestionModel.init();
    // Documents stored before `version` existed start at 1 (like SQLite's migration 4), so a
    // conditional write on version 1 matches them and `$inc` counts from there.
    await models.Document.updateMany(
      { version: trusted({ $exists: false }) },
      { $set: { version: 1 } },
    );
    // Notifications stored before e-mail digests were mailed one by one (or not, by choice):
    // they count as e-mailed, like SQLite's migration 13, so no digest repeats old news.
    await threadModels.Notification.updateMany(
      { emailedAt: trusted({ $exists: false }) },
      { $set: { emailedAt: new Date() } },
    );
    // Documents stored before search existed get their folded search text.
    await backfillSearchText(models);
  } catch (error) {
    await connection?.close(true).catch(() => undefined);
    if (error instanceof StorageUnavailableError) throw error;
    const reason = error instanceof Error ? redactCredentials(error.message) : 'unknown error';
    throw new StorageUnavailableError(`Cannot open MongoDB at ${host}: ${reason}`);
  }
  const db = connection;

  let isClosed = false;
  const context = createMongoContext({ models, isClosed: () => isClosed });
  const transactions = createMongoTransactions(db, { hasTransactions });
  const storage: Storage = {
    engine: 'mongo',
    async ping() {
      if (isClosed || !db.db) throw new StorageUnavailableError('The MongoDB storage is closed.');
      try {
        await db.db.command({ ping: 1 });
      } catch (error) {
        const reason = error instanceof Error ? error.name : 'unknown error';
        throw new StorageUnavailableError(`MongoDB ping to ${host} failed: ${reason}`);
      }
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      await db.close();
    },
    ...createMongoUsers(context),
    ...createMongoOrganizations(context),
    ...createMongoWorkspaces(context),
    ...createMongoInvitations(context),
    ...createMongoDocuments(context),
    ...createMongoDocUpdates(context),
    ...createMongoAudit(context),
    ...createMongoVersions(context),
    ...createMongoSearch(context),
    ...createMongoThreads(context, threadModels),
    ...createMongoSuggestions(context, suggestionModel),
    ...createMongoNotifications(context, threadModels),
    ...createMongoReviewSessions(context, reviewModels),
    ...createMongoReviewRequests(context, reviewRequestModels),
    ...createMongoShares(context),
    ...createMongoDocumentOriginals(context),
    // The callback gets this same store: its queries carry the session (see transactions.ts).
    withTransaction: (work) => context.run(() => transactions.withTransaction(() => work(storage))),
  };
  return storage;
}
