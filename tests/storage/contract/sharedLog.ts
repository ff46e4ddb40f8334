/**
 * Contract: several server processes append to one document's update log (scale-out, see
 * docs/SCALING.md). Two independent stores on one database stand for two processes: their
 * concurrent appends, including the document's very first one, get distinct seqs, increasing
 * in each store, and every update is loaded back in seq order; a long log is loaded whole even
 * while the other store compacts it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetHarness } from '../contract';

/** Appends per store and round: enough interleaving to catch a shared seq. */
const ROUNDS = 15;
const BATCH = 3;
/** A log of one-character edits, and how many of them the other store compacts. */
const LONG_LOG_ENTRIES = 5_000;
const COMPACTED_ENTRIES = 3_000;

/** Two stores on one database (two processes) and a document both can write. */
async function twoStoresOneDocument(getHarness: GetHarness) {
  const harness = getHarness();
  const first = harness.storage;
  const second = await harness.openSibling();
  const owner = await buildUser(first);
  const workspace = await buildWorkspace(first, { owner });
  const { id: documentId } = await buildDocument(first, { workspace, createdBy: owner });
  return { first, second, documentId };
}

/** Registers the tests of one update log shared by several stores. */
export function describeSharedLogContract(getHarness: GetHarness): void {
  describe('update log shared by several processes', () => {
    it('gives concurrent appends from two stores distinct seqs and loads them all', async () => {
      const { first, second, documentId } = await twoStoresOneDocument(getHarness);

      // One writer per store; each edit is one update of a shared Y.Doc lineage.
      const writers = [first, second].map((storage, index) => {
        const doc = new Y.Doc();
        const updates: Uint8Array[] = [];
        doc.on('update', (update: Uint8Array) => updates.push(update));
        const text = doc.getText('default');
        const seqs: number[] = [];
        return {
          storage,
          seqs,
          async appendRound(round: number): Promise<void> {
            for (let i = 0; i < BATCH; i += 1) text.insert(text.length, `${index}.${round}.${i} `);
            seqs.push(
              ...(await storage.appendDocUpdates({ documentId, updates: updates.splice(0) })),
            );
          },
        };
      });

      for (let round = 0; round < ROUNDS; round += 1) {
        await Promise.all(writers.map((writer) => writer.appendRound(round)));
      }

      const all = writers.flatMap((writer) => writer.seqs);
      expect(all).toHaveLength(2 * ROUNDS * BATCH);
      expect(new Set(all).size).toBe(all.length);
      for (const writer of writers) {
        expect([...writer.seqs].sort((a, b) => a - b)).toEqual(writer.seqs);
      }
      for (const storage of [first, second]) {
        const state = await storage.loadDocState({ documentId });
        expect(state.updates.map((update) => update.seq)).toEqual([...all].sort((a, b) => a - b));
        const doc = new Y.Doc();
        for (const update of state.updates) Y.applyUpdate(doc, update.data);
        const words = doc.getText('default').toString().trim().split(' ');
        expect(words).toHaveLength(2 * ROUNDS * BATCH);
      }
    });

    it('loads a long log whole while another store compacts it', async () => {
      const { first, second, documentId } = await twoStoresOneDocument(getHarness);
      // Long enough to be read in several parts by an engine that pages long logs.
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      const text = doc.getText('default');
      let compactedState: Uint8Array | null = null;
      for (let i = 0; i < LONG_LOG_ENTRIES; i += 1) {
        text.insert(text.length, 'abcdefghij'[i % 10]!);
        if (i === COMPACTED_ENTRIES - 1) compactedState = Y.encodeStateAsUpdate(doc);
      }
      const seqs = await first.appendDocUpdates({ documentId, updates });

      // The other store compacts the first entries while this one is reading. SQLite reads
      // 1,000 entries per page and deletes 2,000 per transaction: the compaction's first
      // transaction removes entries the reader has not reached, which only the newer snapshot
      // then holds.
      const loading = first.loadDocState({ documentId });
      await second.compactDoc({
        documentId,
        snapshot: compactedState!,
        upToSeq: seqs[COMPACTED_ENTRIES - 1]!,
      });
      const state = await loading;

      const loaded = new Y.Doc();
      if (state.snapshot) Y.applyUpdate(loaded, state.snapshot);
      for (const update of state.updates) Y.applyUpdate(loaded, update.data);
      expect(loaded.getText('default').toString()).toBe(text.toString());
    });
  });
}
