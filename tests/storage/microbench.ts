/**
 * Storage micro-benchmark (SQLite, temp dir): the hot paths of the collab server and of
 * search. Not part of the suite; run with `npx tsx tests/storage/microbench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createSqliteStorage } from '../../server/storage/sqlite';
import { buildDocument, buildUser, buildWorkspace } from '../helpers/factories';

async function measure(label: string, count: number, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  const rate = count > 1 ? `, ${Math.round((count * 1000) / ms)} ops/s` : '';
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms${rate}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clip-microbench-'));
  const storage = await createSqliteStorage({ filename: path.join(dir, 'clip.sqlite') });
  try {
    const user = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner: user });
    const document = await buildDocument(storage, { workspace, createdBy: user });
    const ydoc = new Y.Doc();
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => updates.push(update));
    const text = ydoc.getText('default');
    for (let i = 0; i < 20_000; i++) text.insert(text.length, 'x');
    const documentId = document.id;

    await measure('appendDocUpdates, 10k calls of 1 update', 10_000, async () => {
      for (const update of updates.slice(0, 10_000)) {
        await storage.appendDocUpdates({ documentId, updates: [update] });
      }
    });
    await measure('appendDocUpdates, 10k updates in batches of 50', 10_000, async () => {
      for (let i = 10_000; i < 20_000; i += 50) {
        await storage.appendDocUpdates({ documentId, updates: updates.slice(i, i + 50) });
      }
    });
    let lastSeq = 0;
    await measure('loadDocState, 20k updates', 1, async () => {
      const state = await storage.loadDocState({ documentId });
      lastSeq = state.updates.at(-1)?.seq ?? 0;
    });
    await measure('compactDoc, deleting 20k updates', 1, () =>
      storage.compactDoc({ documentId, snapshot: Y.encodeStateAsUpdate(ydoc), upToSeq: lastSeq }),
    );
    await measure('loadDocState, snapshot only', 1, () => storage.loadDocState({ documentId }));

    const words = 'housing integration migrants city policy intercultural Zürich Wien'.split(' ');
    await measure('create + update 5k documents (2 KB plain text each)', 5_000, async () => {
      for (let i = 0; i < 5_000; i++) {
        const created = await buildDocument(storage, { workspace, createdBy: user });
        const body = Array.from({ length: 300 }, (_, j) => words[(i + j) % words.length]).join(' ');
        await storage.updateDocument({
          id: created.id,
          patch: { plainText: `${body} unique${i}` },
        });
      }
    });
    await measure('listDocuments text search over 5k documents, x20', 20, async () => {
      for (let i = 0; i < 20; i++)
        await storage.listDocuments({ filter: { text: `UNIQUE${i * 7}` } });
    });
    await measure('listDocuments workspace page of 50, x100', 100, async () => {
      for (let i = 0; i < 100; i++) {
        await storage.listDocuments({ filter: { workspaceId: workspace.id }, limit: 50 });
      }
    });
    await measure('getUserById, x10k', 10_000, async () => {
      for (let i = 0; i < 10_000; i++) await storage.getUserById({ id: user.id });
    });
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
