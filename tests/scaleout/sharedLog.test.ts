/**
 * Two collab servers on one SQLite file, with no relay between them: what the shared update
 * log alone must guarantee. A compaction by one process must never delete entries another
 * process appended that it has not seen (`CollabOptions.isLogShared`: it first applies what
 * storage holds). In-process (two servers, two connections to one file); no Redis needed.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  makeDataDir,
  seedDocument,
  TEST_TEXT_ROOT,
  useCollabScope,
  waitFor,
  waitSynced,
} from '../collab/helpers';

const { server, clientAs } = useCollabScope();

describe('update log shared by two processes', () => {
  it("a compaction keeps the other process's edits it never received", async () => {
    const dataDir = makeDataDir();
    const options = { isLogShared: true, compactAfterUpdates: 5, flushDelayMs: 1 };
    const first = await server({ dataDir, options });
    const second = await server({ dataDir, options });
    const { document, owner } = await seedDocument(first.storage);
    const documentId = document.id;

    // Both processes hold the document before anyone edits.
    const onFirst = clientAs(first, documentId, owner.id);
    await waitSynced(onFirst);
    const onSecond = clientAs(second, documentId, owner.id);
    await waitSynced(onSecond);

    const stored = (): Promise<number> => first.storage.countDocUpdates({ documentId });
    const initial = await stored();
    onSecond.ydoc.getText(TEST_TEXT_ROOT).insert(0, 'from-second ');
    await waitFor(async () => (await stored()) > initial, 'second stored its edit');

    // Enough edits on the first process to make it compact (its seqs are above the second's).
    for (let edit = 0; edit < 6; edit++)
      onFirst.ydoc.getText(TEST_TEXT_ROOT).insert(0, `f${edit} `);
    const snapshotted = async (): Promise<boolean> =>
      (await first.storage.loadDocState({ documentId })).snapshot !== null;
    await waitFor(snapshotted, 'first compacted its log');

    const state = await first.storage.loadDocState({ documentId });
    const doc = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update.data);
    expect(doc.getText(TEST_TEXT_ROOT).toString()).toContain('from-second');
    // The catch-up also gave the first process's clients the edit they had not been relayed.
    await waitFor(() => onFirst.text().includes('from-second'), 'first client sees it');
  });
});
