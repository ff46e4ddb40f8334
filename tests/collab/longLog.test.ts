/**
 * A document whose update log was never compacted (a long editing life, a crash, an import)
 * is merged on a worker thread (`server/collab/longLog/`): other documents' edits keep flowing
 * while it loads, and what it loads is exactly what was stored (a corrupt entry skipped), with
 * `doc:stored`'s vector covering it. The merged state is what new clients are sent and what
 * the compaction writes, without the server encoding it again; a client that has it is not
 * sent a diff of the whole document against it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LONG_LOG_PARTS } from '../../server/collab/longLog/sliceLoad';
import {
  connectClient,
  connectRaw,
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

/** One log entry per keystroke: `count` keys typed into the test text, every 10th a backspace. */
function keystrokes(count: number): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText(TEST_TEXT_ROOT);
  for (let index = 0; index < count; index += 1) {
    if (index % 10 === 9) text.delete(text.length - 1, 1);
    else text.insert(text.length, 'abcdefghij'[index % 10]!);
  }
  return { updates, text: text.toString() };
}

async function started(): Promise<CollabTestServer> {
  const target = await startCollabTestServer();
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
    const target = await started();
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
    const live = target.collab.registry.get(seeded.document.id)!;
    const stored = Y.decodeStateVector(live.persistence.storedStateVector());
    const expected = new Y.Doc();
    for (const update of updates) Y.applyUpdate(expected, update);
    expect(stored).toEqual(Y.decodeStateVector(Y.encodeStateVector(expected)));
  });

  it('sends the merged state as is, writes it as the snapshot, and does not diff against it', async () => {
    const target = await started();
    const seeded = await seedDocument(target.storage);
    const { updates, text } = keystrokes(LONG_LOG_PARTS + 700);
    await target.storage.appendDocUpdates({ documentId: seeded.document.id, updates });
    const token = tokenFor({ userId: seeded.owner.id, documentId: seeded.document.id });

    const raw = connectRaw({ serverUrl: target.serverUrl, documentId: seeded.document.id, token });
    await waitFor(() => raw.messages.length >= 2, 'the cold state and the server’s step 1');
    const [coldAnswer, serverStep1] = raw.messages;
    expect([...coldAnswer!.subarray(0, 2)]).toEqual([0, 1]);
    expect([...serverStep1!.subarray(0, 2)]).toEqual([0, 0]);
    const coldState = readLengthPrefixed(coldAnswer!.subarray(2));
    const fromColdState = new Y.Doc();
    Y.applyUpdate(fromColdState, coldState);
    expect(fromColdState.getText(TEST_TEXT_ROOT).toString()).toBe(text);

    // The log is over the compaction threshold: compacted right after the load, with those bytes.
    await waitFor(
      async () => (await target.storage.countDocUpdates({ documentId: seeded.document.id })) === 0,
      'compacted',
    );
    const stored = await target.storage.loadDocState({ documentId: seeded.document.id });
    expect(stored.snapshot).toEqual(coldState);

    // Its step 1 asks from nothing, but it was sent the whole document: an empty answer.
    raw.ws.send(Uint8Array.of(0, 0, 1, 0));
    await waitFor(() => raw.messages.length >= 3, 'the answer to its step 1');
    expect([...raw.messages[2]!]).toEqual([0, 1, 2, 0, 0]);

    // After a change the state is no longer the one it was sent: the answer is what is newer.
    const writer = clientOf(target, seeded);
    await waitSynced(writer);
    writer.ydoc.getText(TEST_TEXT_ROOT).insert(0, '!');
    await waitFor(() => raw.messages.some((message) => message[1] === 2), 'the change');
    const before = raw.messages.length;
    raw.ws.send(Uint8Array.of(0, 0, 1, 0));
    await waitFor(() => raw.messages.length > before, 'the second answer');
    const answer = raw.messages[before]!;
    expect([...answer.subarray(0, 2)]).toEqual([0, 1]);
    const diff = readLengthPrefixed(answer.subarray(2));
    expect(diff.byteLength).toBeGreaterThan(2);
    Y.applyUpdate(fromColdState, diff);
    expect(fromColdState.getText(TEST_TEXT_ROOT).toString()).toBe(`!${text}`);
    raw.ws.close();
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

    expect(reader.text()).toHaveLength(60_000 * 0.8);
    // Edits of the busy document reached its other client while the long one was loading.
    expect(typed).toBeGreaterThan(0);
    expect(typedWhileLoading).toBeGreaterThan(2);
  });
});

/** The payload of a y-protocols sync message after its two type bytes (a varUint length, then bytes). */
function readLengthPrefixed(bytes: Uint8Array): Uint8Array {
  let length = 0;
  let shift = 0;
  let offset = 0;
  for (;;) {
    const byte = bytes[offset]!;
    offset += 1;
    length += (byte & 127) * 2 ** shift;
    shift += 7;
    if (byte < 128) break;
  }
  return bytes.subarray(offset, offset + length);
}
