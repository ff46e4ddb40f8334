/** Translates mongoose / MongoDB driver errors into the app's error family. */
import mongoose from 'mongoose';
import { ConflictError, NotFoundError, StorageUnavailableError } from '../../errors';

// Driver errors that mean "the database cannot be reached right now", by class name.
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClosedError',
  'MongoExpiredSessionError',
]);

/** Options shared by every translated operation. */
export interface TranslateOptions {
  conflictCode?: string;
  conflictMessage?: string;
  missingMessage?: string;
}

/** True for MongoDB's duplicate-key error (E11000). */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 11000;
}

/** Maps one thrown value; anything unrecognised is returned unchanged. */
export function mapMongoError(error: unknown, options: TranslateOptions = {}): unknown {
  if (!(error instanceof Error)) return error;
  if (
    error instanceof StorageUnavailableError ||
    error instanceof ConflictError ||
    error instanceof NotFoundError
  ) {
    return error;
  }
  if (isDuplicateKeyError(error)) {
    return new ConflictError(
      options.conflictMessage ?? 'That conflicts with existing data.',
      options.conflictCode ?? 'conflict',
    );
  }
  if (error instanceof mongoose.Error.CastError) {
    // A malformed id inside a write: it cannot refer to anything that exists.
    return new NotFoundError(
      options.missingMessage ?? 'A record this refers to does not exist.',
      'reference_not_found',
    );
  }
  const isUnavailable =
    UNAVAILABLE_NAMES.has(error.name) ||
    (error instanceof mongoose.Error &&
      /force closed|buffering timed out|before initial connection|client was closed/i.test(
        error.message,
      ));
  if (isUnavailable) return new StorageUnavailableError(`MongoDB is unavailable: ${error.name}.`);
  return error;
}

/** Runs `work`, rethrowing driver errors as app errors. */
export async function translateMongo<T>(
  work: () => Promise<T>,
  options: TranslateOptions = {},
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mapMongoError(error, options);
  }
}
