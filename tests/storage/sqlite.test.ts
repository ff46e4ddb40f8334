/** The storage contract against the SQLite adapter, on a real database file in a temp dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStorage } from '../../server/storage/sqlite';
import { describeStorageContract } from './contract';

describeStorageContract('sqlite', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clip-storage-'));
  const storage = await createSqliteStorage({ filename: path.join(dir, 'clip.sqlite') });
  return {
    storage,
    async cleanup() {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
