/** Translates mongoose / MongoDB driver errors into the app's error family. */
import mongoose from 'mongoose';
import type { ApiErrorCode } from '../../../shared/api/errors';
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
  conflictCode?: ApiErrorCode;
  conflictMessage?: string;
  missingMessage?: string;
}

/**
 * True for MongoDB's duplicate-key error (E11000). A bulk write (`insertMany`) reports
 * it with the code of its first write error, so the same check covers it.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 11000;
}

/**
 * The error and the ones it wraps: a bulk write (`insertMany`) that fails for a driver
 * reason rethrows the original error (a network error, say) inside a
 * `MongoBulkWriteError`, as its `errorResponse`.
 */
function errorChain(error: Error): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && !chain.includes(current) && chain.length < 5) {
    chain.push(current);
    current =
      'errorResponse' in current && current.errorResponse instanceof Error
        ? current.errorResponse
        : current.cause;
  }
  return chain;
}

/** True when an error (or one it wraps) means MongoDB cannot be reached right now. */
function isUnavailableError(error: Error): boolean {
  return errorChain(error).some(
    (link) =>
      UNAVAILABLE_NAMES.has(link.name) ||
      (link instanceof mongoose.Error &&
        /force closed|buffering timed out|before initial connection|client was closed/i.test(
          link.message,
        )),
  );
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
  if (isUnavailableError(error)) {
    return new StorageUnavailableError(`MongoDB is unavailable: ${error.name}.`);
  }
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
