/** The storage contract against the SQLite adapter, on a real database file in a temp dir. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/types';
import { describeStorageContract } from './contract';

describeStorageContract('sqlite', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clip-storage-'));
  const filename = path.join(dir, 'clip.sqlite');
  const storage = await createSqliteStorage({ filename });
  const siblings: Storage[] = [];
  return {
    storage,
    async openSibling() {
      const sibling = await createSqliteStorage({ filename });
      siblings.push(sibling);
      return sibling;
    },
    async cleanup() {
      await Promise.all(siblings.map((sibling) => sibling.close()));
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
