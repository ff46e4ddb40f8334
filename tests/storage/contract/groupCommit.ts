/**
 * Contract: group commit (`appendDocUpdatesBatch`). The collab server writes the pending
 * updates of every open document in one batch; each document's entries must land exactly as
 * `appendDocUpdates` would store them, and a document storage refuses (purged, never
 * created) must fail alone without costing the others their write.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotFoundError } from '../../../server/errors';
import type { DocUpdateBatchResult, Storage } from '../../../server/storage/types';
import { buildDocument, buildUser, buildWorkspace } from '../../helpers/factories';
import type { GetStorage } from '../contract';
import { MISSING_ID } from './helpers';

async function makeDocument(storage: Storage): Promise<string> {
  const author = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner: author });
  return (await buildDocument(storage, { workspace, createdBy: author })).id;
}

/** Updates that type `words` one at a time into a fresh document's `default` text. */
function typed(words: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('default').insert(doc.getText('default').length, word);
  return updates;
}

async function textIn(storage: Storage, documentId: string): Promise<string> {
  const state = await storage.loadDocState({ documentId });
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(doc, update.data);
  return doc.getText('default').toString();
}

function seqsOf(result: DocUpdateBatchResult | undefined): number[] {
  if (!result?.isStored) throw new Error('expected the entry to be stored');
  return result.seqs;
}

/** Registers the group-commit tests. */
export function describeGroupCommitContract(getStorage: GetStorage): void {
  describe('group commit of several documents’ updates', () => {
    it('stores each document’s updates with increasing seqs, as single appends would', async () => {
      const storage = getStorage();
      const first = await makeDocument(storage);
      const second = await makeDocument(storage);
      const [before = 0] = await storage.appendDocUpdates({
        documentId: first,
        updates: [new Uint8Array([0, 0])],
      });
      const results = await storage.appendDocUpdatesBatch({
        batches: [
          { documentId: first, updates: typed(['Housing ', 'guideline']) },
          { documentId: second, updates: typed(['Minutes']) },
        ],
      });
      const firstSeqs = seqsOf(results[0]);
      expect(firstSeqs).toHaveLength(2);
      expect(firstSeqs[0]).toBeGreaterThan(before);
      expect(firstSeqs[1]).toBeGreaterThan(firstSeqs[0] ?? Infinity);
      expect(seqsOf(results[1])).toHaveLength(1);
      // The entry appended first stays first in the log; the batch's follow in order.
      const state = await storage.loadDocState({ documentId: first });
      expect(state.updates.map((u) => u.seq)).toEqual([before, ...firstSeqs]);
      expect(await textIn(storage, second)).toBe('Minutes');

      const [after = 0] = await storage.appendDocUpdates({
        documentId: first,
        updates: [new Uint8Array([0, 0])],
      });
      expect(after).toBeGreaterThan(firstSeqs[1] ?? Infinity);
    });

    it('refuses a purged or missing document alone and stores the others', async () => {
      const storage = getStorage();
      const kept = await makeDocument(storage);
      const purged = await makeDocument(storage);
      const alsoKept = await makeDocument(storage);
      await storage.appendDocUpdates({ documentId: purged, updates: typed(['gone']) });
      await storage.purgeDocument({ id: purged });

      const results = await storage.appendDocUpdatesBatch({
        batches: [
          { documentId: kept, updates: typed(['Case ', 'study']) },
          { documentId: purged, updates: typed(['lost']) },
          { documentId: MISSING_ID, updates: typed(['never']) },
          { documentId: alsoKept, updates: typed(['Review']) },
        ],
      });

      expect(results.map((result) => result.isStored)).toEqual([true, false, false, true]);
      for (const refused of [results[1], results[2]]) {
        const error = refused && !refused.isStored ? refused.error : null;
        expect(error).toBeInstanceOf(NotFoundError);
        expect((error as NotFoundError).code).toBe('reference_not_found');
      }
      expect(await textIn(storage, kept)).toBe('Case study');
      expect(await textIn(storage, alsoKept)).toBe('Review');
      expect(await storage.countDocUpdates({ documentId: purged })).toBe(0);
      expect(await storage.loadDocState({ documentId: purged })).toEqual({
        snapshot: null,
        updates: [],
      });
    });

    it('accepts an empty batch and empty entries', async () => {
      const storage = getStorage();
      const documentId = await makeDocument(storage);
      expect(await storage.appendDocUpdatesBatch({ batches: [] })).toEqual([]);
      expect(
        await storage.appendDocUpdatesBatch({ batches: [{ documentId, updates: [] }] }),
      ).toEqual([{ isStored: true, seqs: [] }]);
      expect(await storage.countDocUpdates({ documentId })).toBe(0);
    });
  });
}
