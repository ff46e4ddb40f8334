/**
 * Chooses the storage engine: MongoDB when MONGODB_URI is set, else SQLite under DATA_DIR.
 * (Placeholder until the adapters land: see issue #2.)
 */
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { Storage } from './types';

export async function openStorage(_options: { config: Config; logger: Logger }): Promise<Storage> {
  throw new Error('storage adapters not built yet');
}
