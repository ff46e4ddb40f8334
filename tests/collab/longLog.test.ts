/**
 * A document whose update log was never compacted (a long editing life, a crash, an import)
 * is loaded in chunks that yield to the event loop (`server/collab/sliceLoad.ts`): other
 * documents' edits keep flowing while it loads, and what it loads is exactly what was stored
 * (a corrupt entry skipped), with `doc:stored`'s vector covering it, and it is compacted in
 * the background once the first client has its answer.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabOptions } from '../../server/collab/options';
import { LONG_LOG_PARTS } from '../../server/collab/sliceLoad';
import {
  connectClient,
  seedDocument,
  startCollabTestServer,
  TEST_TEXT_ROOT,
  tokenFor,
  useCollabScope,
  waitFor,
  waitSynced,
  type CollabTestServer,
  type Seeded,
} from './helpers';

const { defer } = useCollabScope();

/** One log entry per keystroke: `count` characters typed into the test text. */
function keystrokes(count: number): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText(TEST_TEXT_ROOT);
  for (let index = 0; index < count; index += 1)
    text.insert(text.length, 'abcdefghij'[index % 10]!);
  return { updates, text: text.toString() };
}

async function started(options: Partial<CollabOptions> = {}): Promise<CollabTestServer> {
  const target = await startCollabTestServer({ options });
  defer(() => target.close());
  return target;
}

function clientOf(target: CollabTestServer, seeded: Seeded) {
  const client = connectClient({
    serverUrl: target.serverUrl,
    documentId: seeded.document.id,
    token: tokenFor({ userId: seeded.owner.id, documentId: seeded.document.id }),
  });
  defer(() => client.destroy());
  return client;
}

describe('loading a long uncompacted log', () => {
  it('serves exactly what was stored, skipping a corrupt entry, and doc:stored covers it', async () => {
    // The compaction's delay, longer than the default, so the check right after the first
    // answer holds on a slow machine too.
    const target = await started({ loadedLogCompactDelayMs: 1_000 });
    const seeded = await seedDocument(target.storage);
    const { updates, text } = keystrokes(LONG_LOG_PARTS + 700);
    const corrupt = Uint8Array.of(1, 2, 3, 200, 200);
    const half = Math.floor(updates.length / 2);
    await target.storage.appendDocUpdates({
      documentId: seeded.document.id,
      updates: [...updates.slice(0, half), corrupt, ...updates.slice(half)],
    });

    const reader = clientOf(target, seeded);
    await waitSynced(reader);
    expect(reader.text()).toBe(text);
    // Compacted in the background, after the first answer rather than in the turns beside it.
    const documentId = seeded.document.id;
    expect(await target.storage.countDocUpdates({ documentId })).toBe(updates.length + 1);
    const live = target.collab.registry.get(documentId)!;
    const stored = Y.decodeStateVector(live.persistence.storedStateVector());
    const expected = new Y.Doc();
    for (const update of updates) Y.applyUpdate(expected, update);
    expect(stored).toEqual(Y.decodeStateVector(Y.encodeStateVector(expected)));
    await waitFor(
      async () => (await target.storage.countDocUpdates({ documentId })) === 0,
      'the long log compacted',
    );
    const compacted = await target.storage.loadDocState({ documentId });
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, compacted.snapshot!);
    expect(reloaded.getText(TEST_TEXT_ROOT).toString()).toBe(text);
  });

  it('compacts at shutdown when that comes before the background compaction', async () => {
    const target = await started();
    const seeded = await seedDocument(target.storage);
    const documentId = seeded.document.id;
    const { updates, text } = keystrokes(LONG_LOG_PARTS + 10);
    await target.storage.appendDocUpdates({ documentId, updates });
    await waitSynced(clientOf(target, seeded));
    await target.close();
    // Past the background compaction's delay: the shutdown compacted, nothing is left to do.
    await new Promise((resolve) => setTimeout(resolve, 400));

    const restarted = await startCollabTestServer({ dataDir: target.dataDir });
    defer(() => restarted.close());
    expect(await restarted.storage.countDocUpdates({ documentId })).toBe(0);
    const reader = clientOf(restarted, seeded);
    await waitSynced(reader);
    expect(reader.text()).toBe(text);
  });

  it('keeps other documents’ edits flowing while it loads', async () => {
    const target = await started();
    const long = await seedDocument(target.storage);
    const busy = await seedDocument(target.storage);
    // Long enough that one synchronous pass takes far longer than a few event-loop turns.
    const { updates } = keystrokes(60_000);
    for (let index = 0; index < updates.length; index += 10_000) {
      await target.storage.appendDocUpdates({
        documentId: long.document.id,
        updates: updates.slice(index, index + 10_000),
      });
    }
    const writer = clientOf(target, busy);
    const watcher = clientOf(target, busy);
    await Promise.all([waitSynced(writer), waitSynced(watcher)]);
    const seenByWatcher: string[] = [];
    watcher.ydoc.getText(TEST_TEXT_ROOT).observe(() => {
      seenByWatcher.push(watcher.text());
    });

    const reader = clientOf(target, long);
    let isLongDocSynced = false;
    reader.provider.on('sync', (isSynced: boolean) => {
      if (isSynced) isLongDocSynced = true;
    });
    let typed = 0;
    let typedWhileLoading = 0;
    const typing = setInterval(() => {
      writer.ydoc.getText(TEST_TEXT_ROOT).insert(0, 'x');
      typed += 1;
    }, 5);
    defer(() => clearInterval(typing));
    await waitFor(() => isLongDocSynced, 'the long document opened', 60_000);
    typedWhileLoading = seenByWatcher.length;
    clearInterval(typing);

    expect(reader.text()).toHaveLength(60_000);
    // Edits of the busy document reached its other client while the long one was loading.
    expect(typed).toBeGreaterThan(0);
    expect(typedWhileLoading).toBeGreaterThan(2);
  });
});
