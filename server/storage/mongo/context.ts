/** What every entity module of the MongoDB adapter is built from. */
import { StorageUnavailableError } from '../../errors';
import { translateMongo, type TranslateOptions } from './errors';
import type { MongoModels } from './models';

export interface MongoContext {
  models: MongoModels;
  /**
   * Runs one storage operation: refuses it once the store is closed, and translates
   * driver errors (duplicate key, cast, network) into the app's errors.
   */
  run<T>(work: () => Promise<T>, options?: TranslateOptions): Promise<T>;
}

/** Builds the context; `isClosed` reports whether `close()` was called. */
export function createMongoContext(options: {
  models: MongoModels;
  isClosed: () => boolean;
}): MongoContext {
  return {
    models: options.models,
    run(work, translateOptions) {
      if (options.isClosed()) {
        return Promise.reject(new StorageUnavailableError('The MongoDB storage is closed.'));
      }
      return translateMongo(work, translateOptions);
    },
  };
}
