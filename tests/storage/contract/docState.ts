/**
 * Contract: the Yjs state of documents (update log, snapshot, compaction). Content is
 * compared by rebuilding a Y.Doc from what the store returns, as the collab server does.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocState, Storage } from '../../../server/storage/types';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';

/** A document whose edits are captured as Yjs updates, in order. */
interface RecordingDoc {
  doc: Y.Doc;
  updates: Uint8Array[];
  type(text: string): void;
}

/** Builds a document whose edits are captured as Yjs updates, in order. */
function recordingDoc(): RecordingDoc {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('default');
  return { doc, updates, type: (value) => text.insert(text.length, value) };
}

/** The text a client would see after loading `state`. */
function textOf(state: DocState): string {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(doc, update.data);
  return doc.getText('default').toString();
}

async function makeDocument(storage: Storage): Promise<string> {
  const author = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner: author });
  return (await buildDocument(storage, { workspace, createdBy: author })).id;
}

/** Appends the updates `editor` captured since the last flush, as the collab server does. */
function flush(storage: Storage, documentId: string, editor: RecordingDoc): Promise<number[]> {
  return storage.appendDocUpdates({ documentId, updates: editor.updates.splice(0) });
}

/** Compacts the log up to `upToSeq` into a snapshot of everything `editor` holds. */
function compactTo(
  storage: Storage,
  documentId: string,
  editor: RecordingDoc,
  upToSeq: number,
): Promise<void> {
  return storage.compactDoc({ documentId, snapshot: Y.encodeStateAsUpdate(editor.doc), upToSeq });
}

/** `compactTo`, with the snapshot's state vector and deletions stored beside it. */
async function compactWithMeta(
  storage: Storage,
  documentId: string,
  editor: RecordingDoc,
  upToSeq: number,
): Promise<{ snapshotVector: Uint8Array; snapshotDeletes: Uint8Array }> {
  const snapshotVector = Y.encodeStateVector(editor.doc);
  const snapshotDeletes = Y.encodeStateAsUpdate(editor.doc, snapshotVector);
  const snapshot = Y.encodeStateAsUpdate(editor.doc);
  await storage.compactDoc({ documentId, snapshot, upToSeq, snapshotVector, snapshotDeletes });
  return { snapshotVector, snapshotDeletes };
}

/** Registers the Yjs-log tests. */
export function describeDocStateContract(getStorage: GetStorage): void {
  describe('Yjs document state', () => {
    it('starts empty', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      expect(await storage.loadDocState({ documentId })).toEqual({ snapshot: null, updates: [] });
      expect(await storage.countDocUpdates({ documentId })).toBe(0);
      expect(await storage.appendDocUpdates({ documentId, updates: [] })).toEqual([]);
    });

    it('appends in order with increasing seqs per document, and loads them back', async () => {
      const storage = getStorage();
      const first = await makeDocument(storage);
      const second = await makeDocument(storage);
      const editor = recordingDoc();
      editor.type('Hello');
      editor.type(', CLIP');
      const seqsA = await storage.appendDocUpdates({
        documentId: first,
        updates: editor.updates.slice(0, 1),
      });
      await storage.appendDocUpdates({ documentId: second, updates: [new Uint8Array([0, 0])] });
      const seqsB = await storage.appendDocUpdates({
        documentId: first,
        updates: editor.updates.slice(1),
      });
      const seqs = [...seqsA, ...seqsB];
      expect(seqs).toHaveLength(2);
      expect(seqs[1]).toBeGreaterThan(seqs[0] ?? Infinity);

      const state = await storage.loadDocState({ documentId: first });
      expect(state.snapshot).toBeNull();
      expect(state.updates.map((u) => u.seq)).toEqual(seqs);
      expect(state.updates.map((u) => Array.from(u.data))).toEqual(
        editor.updates.map((u) => Array.from(u)),
      );
      expect(state.updates[0]?.data.constructor).toBe(Uint8Array);
      expect(textOf(state)).toBe('Hello, CLIP');
      expect(await storage.countDocUpdates({ documentId: first })).toBe(2);
      expect(await storage.countDocUpdates({ documentId: second })).toBe(1);
    });

    it('returns one increasing seq per update of a batch', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      const editor = recordingDoc();
      for (const word of ['one ', 'two ', 'three ', 'four ']) editor.type(word);
      const seqs = await storage.appendDocUpdates({ documentId, updates: editor.updates });
      expect(seqs).toHaveLength(4);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(4);
      expect(textOf(await storage.loadDocState({ documentId }))).toBe('one two three four ');
    });

    it('compacts: loads the snapshot plus only the later updates', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      const editor = recordingDoc();
      editor.type('Draft ');
      editor.type('guideline ');
      const seqs = await flush(storage, documentId, editor);
      await compactTo(storage, documentId, editor, seqs.at(-1) ?? 0);
      expect(await storage.countDocUpdates({ documentId })).toBe(0);

      editor.type('on housing');
      const later = await flush(storage, documentId, editor);
      expect(later[0]).toBeGreaterThan(seqs.at(-1) ?? Infinity);
      const state = await storage.loadDocState({ documentId });
      expect(state.snapshot).not.toBeNull();
      expect(state.updates.map((u) => u.seq)).toEqual(later);
      expect(textOf(state)).toBe('Draft guideline on housing');
    });

    it('loses nothing when a crash leaves merged updates beside the snapshot', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      const editor = recordingDoc();
      editor.type('Peer review ');
      editor.type('minutes');
      const seqs = await flush(storage, documentId, editor);
      // "Snapshot written, delete not reached": a snapshot that claims no seq keeps the whole log.
      await compactTo(storage, documentId, editor, 0);
      const afterCrash = await storage.loadDocState({ documentId });
      expect(afterCrash.snapshot).not.toBeNull();
      expect(afterCrash.updates.map((u) => u.seq)).toEqual(seqs);
      expect(textOf(afterCrash)).toBe('Peer review minutes');

      // The retried compaction finishes the job, and doing it twice is harmless.
      const snapshot = Y.encodeStateAsUpdate(editor.doc);
      await storage.compactDoc({ documentId, snapshot, upToSeq: seqs.at(-1) ?? 0 });
      await storage.compactDoc({ documentId, snapshot, upToSeq: seqs.at(-1) ?? 0 });
      expect(await storage.countDocUpdates({ documentId })).toBe(0);
      expect(textOf(await storage.loadDocState({ documentId }))).toBe('Peer review minutes');
    });

    it('never replaces a snapshot with an older one', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      const editor = recordingDoc();
      editor.type('first ');
      const [firstSeq = 0] = await flush(storage, documentId, editor);
      const oldSnapshot = Y.encodeStateAsUpdate(editor.doc);
      editor.type('second');
      const [secondSeq = 0] = await flush(storage, documentId, editor);
      await compactTo(storage, documentId, editor, secondSeq);
      await storage.compactDoc({ documentId, snapshot: oldSnapshot, upToSeq: firstSeq });
      expect(textOf(await storage.loadDocState({ documentId }))).toBe('first second');
    });

    it('keeps a snapshot’s state vector and deletions with it, replaced or dropped with it', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      const editor = recordingDoc();
      editor.type('first ');
      const [firstSeq = 0] = await flush(storage, documentId, editor);
      const firstMeta = await compactWithMeta(storage, documentId, editor, firstSeq);
      const first = await storage.loadDocState({ documentId });
      expect(first).toMatchObject(firstMeta);

      // A newer snapshot replaces them; an older one changes neither.
      editor.type('second');
      editor.doc.getText('default').delete(0, 1);
      const [secondSeq = 0] = await flush(storage, documentId, editor);
      const secondMeta = await compactWithMeta(storage, documentId, editor, secondSeq);
      await storage.compactDoc({
        documentId,
        snapshot: first.snapshot!,
        upToSeq: firstSeq,
        ...firstMeta,
      });
      const second = await storage.loadDocState({ documentId });
      expect(second).toMatchObject(secondMeta);
      expect(Y.decodeStateVector(second.snapshotVector!)).toEqual(
        Y.decodeStateVector(Y.encodeStateVectorFromUpdate(second.snapshot!)),
      );
      expect(second.snapshotDeletes).not.toEqual(firstMeta.snapshotDeletes);

      // A snapshot written without a vector has none: a stale one would claim the wrong state.
      editor.type(' third');
      const [thirdSeq = 0] = await flush(storage, documentId, editor);
      await compactTo(storage, documentId, editor, thirdSeq);
      const third = await storage.loadDocState({ documentId });
      expect(textOf(third)).toBe('irst second third');
      expect(third.snapshotVector).toBeUndefined();
      expect(third.snapshotDeletes).toBeUndefined();
    });

    it('keeps stored bytes apart from the caller’s arrays', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      const update = new Uint8Array([1, 2, 3]);
      const snapshotBytes = new Uint8Array([7, 7]);
      const [seq = 0] = await storage.appendDocUpdates({ documentId, updates: [update] });
      update.fill(0);
      const loaded = await storage.loadDocState({ documentId });
      expect(Array.from(loaded.updates[0]?.data ?? [])).toEqual([1, 2, 3]);
      loaded.updates[0]?.data.fill(9);
      expect(
        Array.from((await storage.loadDocState({ documentId })).updates[0]?.data ?? []),
      ).toEqual([1, 2, 3]);

      await storage.compactDoc({ documentId, snapshot: snapshotBytes, upToSeq: seq });
      snapshotBytes.fill(0);
      const compacted = await storage.loadDocState({ documentId });
      expect(Array.from(compacted.snapshot ?? [])).toEqual([7, 7]);
      expect(compacted.snapshot?.constructor).toBe(Uint8Array);
    });

    it('returns every byte of every entry as written, in order (NULs, invalid UTF-8)', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      // Bytes no text encoding would keep: NULs, lone UTF-8 continuation and lead bytes, 0xFF.
      const updates = Array.from({ length: 300 }, (_, i) =>
        Uint8Array.from(
          { length: 1 + (i % 37) },
          (_unused, j) => [0, 0x80, 0xc3, 0xff, i, j][(i + j) % 6]!,
        ),
      );
      const seqs = await storage.appendDocUpdates({ documentId, updates });
      const loaded = await storage.loadDocState({ documentId });
      expect(loaded.updates.map((update) => update.seq)).toEqual(seqs);
      expect(loaded.updates.map((update) => Array.from(update.data))).toEqual(
        updates.map((update) => Array.from(update)),
      );
    });
  });
}
