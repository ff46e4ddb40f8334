/**
 * Derived fields of many documents (`derivedSync.ts` per document, `derivedWrites.ts` shared),
 * on real SQLite and real Y.Docs: a document is written `debounceMs` after its last change (at
 * most 3× that after its first, while typing goes on), every document due at the same time
 * in transactions of 25, a deleted document does not hold the others back, and a flush at unload
 * writes the newest content without a later tick writing an older one over it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDerivedSync, type DerivedSync } from '../../server/collab/derivedSync';
import { createDerivedWrites } from '../../server/collab/derivedWrites';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { Storage, User, Workspace } from '../../server/storage/types';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { buildDocument, buildUser, buildWorkspace } from '../helpers/factories';
import { recordingLogger, type LoggedLine } from '../helpers/recordingLogger';

const DEBOUNCE_MS = 200;
const TICK_MS = 20;

let dataDir: string;
let storage: Storage;
let owner: User;
let workspace: Workspace;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-derived-writes-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
  owner = await buildUser(storage);
  workspace = await buildWorkspace(storage, { owner });
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real storage, counting its transactions (every call still reaches SQLite). */
function countingTransactions(real: Storage) {
  const counts = { transactions: 0 };
  const counted = new Proxy(real, {
    get(target, property, receiver) {
      if (property === 'withTransaction') {
        return (work: (tx: Storage) => Promise<unknown>) => {
          counts.transactions += 1;
          return target.withTransaction(work);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { counted, counts };
}

/** `count` open documents with their derived syncs on one shared writer. */
async function openDocuments(count: number, storageUsed: Storage = storage) {
  const { logger, logged } = recordingLogger<LoggedLine & { documentId?: string }>();
  const writes = createDerivedWrites({ storage: storageUsed, logger, tickMs: TICK_MS });
  const docs: Array<{ id: string; ydoc: Y.Doc; sync: DerivedSync }> = [];
  for (let i = 0; i < count; i += 1) {
    const record = await buildDocument(storage, { workspace, createdBy: owner });
    const ydoc = new Y.Doc();
    const sync = createDerivedSync({
      documentId: record.id,
      ydoc,
      writes,
      logger,
      debounceMs: DEBOUNCE_MS,
      initialLastEditorIds: [],
    });
    docs.push({ id: record.id, ydoc, sync });
  }
  return { docs, logged };
}

/** Types `text` as a new paragraph and tells the sync, as the collab hook does. */
function type(doc: { ydoc: Y.Doc; sync: DerivedSync }, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.ydoc.getXmlFragment(EDITOR_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
  doc.sync.noteChange(owner.id);
}

const storedText = async (id: string): Promise<string | undefined> =>
  (await storage.getDocument({ id }))?.plainText;

describe('derived fields of many open documents', () => {
  it('writes a document once its typing pauses, not before', async () => {
    const { docs } = await openDocuments(1);
    const doc = docs[0]!;
    type(doc, 'Housing first');
    await sleep(DEBOUNCE_MS / 2);
    expect(await storedText(doc.id)).toBe('');
    await expect.poll(() => storedText(doc.id), { interval: 10 }).toBe('Housing first');
    expect((await storage.getDocument({ id: doc.id }))?.lastEditorIds).toEqual([owner.id]);
  });

  it('writes within 3× the debounce while typing goes on', async () => {
    const { docs } = await openDocuments(1);
    const doc = docs[0]!;
    const startedAt = performance.now();
    let written = '';
    for (let i = 0; written === '' && performance.now() - startedAt < 6 * DEBOUNCE_MS; i += 1) {
      type(doc, `word ${i}`);
      await sleep(DEBOUNCE_MS / 4);
      written = (await storedText(doc.id)) ?? '';
    }
    expect(written).toContain('word 0');
    // Due at 3× the debounce; the tick and this loop's own step add at most a little.
    expect(performance.now() - startedAt).toBeLessThan(3 * DEBOUNCE_MS + 2 * TICK_MS + 150);
  });

  it('writes the documents due at the same time in transactions of 25, not one commit each', async () => {
    const { counted, counts } = countingTransactions(storage);
    const { docs } = await openDocuments(30, counted);
    docs.forEach((doc, index) => type(doc, `Case study ${index}`));
    await expect
      .poll(async () => Promise.all(docs.map((doc) => storedText(doc.id))), { interval: 10 })
      .toEqual(docs.map((_, index) => `Case study ${index}`));
    // 25 documents per transaction: two, or three when their due times straddle a tick.
    expect(counts.transactions).toBeGreaterThanOrEqual(2);
    expect(counts.transactions).toBeLessThanOrEqual(3);
  });

  it('stores the others of a batch when one document was deleted meanwhile', async () => {
    const { docs, logged } = await openDocuments(3);
    docs.forEach((doc, index) => type(doc, `Minutes ${index}`));
    await storage.purgeDocument({ id: docs[1]!.id });
    await expect.poll(() => storedText(docs[2]!.id), { interval: 10 }).toBe('Minutes 2');
    expect(await storedText(docs[0]!.id)).toBe('Minutes 0');
    expect(logged.filter((line) => line.level === 40).map((line) => line.documentId)).toEqual([
      docs[1]!.id,
    ]);
  });

  it('flushes the newest content at unload; nothing older is written after it', async () => {
    const { docs } = await openDocuments(1);
    const doc = docs[0]!;
    type(doc, 'Draft');
    type(doc, 'Final');
    await doc.sync.flush();
    expect(await storedText(doc.id)).toBe('Draft\nFinal');
    doc.sync.dispose();
    await sleep(DEBOUNCE_MS * 2);
    expect(await storedText(doc.id)).toBe('Draft\nFinal');
    // Nothing left to write: a second flush writes nothing and changes nothing.
    const before = await storage.getDocument({ id: doc.id });
    await doc.sync.flush();
    expect((await storage.getDocument({ id: doc.id }))?.updatedAt).toEqual(before?.updatedAt);
  });
});
