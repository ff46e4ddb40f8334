/**
 * Chooses the storage engine: MongoDB when MONGODB_URI is set, else SQLite under DATA_DIR.
 * The rest of the server only ever sees the `Storage` port.
 */
import path from 'node:path';
import type { Config } from '../env';
import type { Logger } from '../logger';
import { createSqliteStorage } from './sqlite';
import type { Storage } from './types';

/** File name of the SQLite database inside DATA_DIR. */
export const SQLITE_FILENAME = 'clip.sqlite';

/** Opens the configured engine; throws `StorageUnavailableError` when it cannot be reached. */
export async function openStorage(options: {
  config: Pick<Config, 'dataDir' | 'mongodbUri' | 'mongodbRequireTransactions'>;
  logger: Logger;
}): Promise<Storage> {
  const { config, logger } = options;
  if (config.mongodbUri) {
    // Loaded on demand so SQLite-only runs never pay for mongoose's startup.
    const { createMongoStorage, describeMongoUri } = await import('./mongo');
    const storage = await createMongoStorage({
      uri: config.mongodbUri,
      requireTransactions: config.mongodbRequireTransactions,
      logger,
    });
    logger.info(
      { storage: 'mongo', host: describeMongoUri(config.mongodbUri) },
      'storage: MongoDB',
    );
    return storage;
  }
  const filename = path.join(config.dataDir, SQLITE_FILENAME);
  const storage = await createSqliteStorage({ filename });
  logger.info({ storage: 'sqlite', filename }, 'storage: SQLite');
  return storage;
}
