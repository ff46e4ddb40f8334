/** The MongoDB adapter of the storage port (mongoose). Placeholder until it lands. */
import { StorageUnavailableError } from '../../errors';
import type { Storage } from '../types';

/** The host part of a MongoDB URI, for logs and errors (never the credentials). */
export function describeMongoUri(uri: string): string {
  try {
    return new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:')).host || 'unknown host';
  } catch {
    return 'unknown host';
  }
}

/** Connects to MongoDB. Not built yet. */
export async function createMongoStorage(options: { uri: string }): Promise<Storage> {
  throw new StorageUnavailableError(`MongoDB adapter not built yet (${describeMongoUri(options.uri)}).`);
}
