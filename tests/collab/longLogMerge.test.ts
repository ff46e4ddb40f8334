/**
 * The long-log merge in a worker thread (`server/collab/longLogMerge.ts`): what it returns is
 * what building the document on the main thread gives, corrupt entries are skipped and counted,
 * merges run one at a time, and when the worker fails the log is applied on the main thread.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  loadLongLog,
  mergeLongLog,
  mergeLongLogInWorker,
  type LongLogReply,
} from '../../server/collab/longLogMerge';
import { encodeIntegratedState } from '../../server/collab/protocol';
import { recordingLogger, type LoggedLine } from '../helpers/recordingLogger';

/** `count` one-keystroke entries with a backspace every tenth, as typing leaves them. */
function typing(count: number, root = 'text'): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText(root);
  for (let index = 0; index < count; index += 1) {
    if (index % 10 === 9) text.delete(text.length - 1, 1);
    else text.insert(text.length, 'abcdefghi'[index % 9]!);
  }
  return updates;
}

/** The document built from `parts` on this thread, one entry at a time. */
function builtHere(parts: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const part of parts) {
    try {
      Y.applyUpdate(doc, part);
    } catch {
      // skipped, as the server skips a corrupt entry
    }
  }
  return doc;
}

/** What a load logged: a real pino logger's lines, parsed. */
function collectingLogger() {
  return recordingLogger<LoggedLine & { count?: number; err?: { message: string } }>();
}

const CORRUPT = Uint8Array.of(1, 2, 3, 200, 200);

describe('merging a long log in a worker', () => {
  it('returns the state, vector and deletions the main thread would build', async () => {
    const parts = typing(5_000);
    const merged = await mergeLongLogInWorker(parts);
    const expected = builtHere(parts);
    const vector = Y.encodeStateVector(expected);
    expect(merged.vector).toEqual(vector);
    expect(merged.deletes).toEqual(encodeIntegratedState(expected, vector));
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, merged.snapshot);
    expect(reloaded.getText('text').toString()).toBe(expected.getText('text').toString());
    expect(reloaded.getText('text').length).toBe(4_000);
    expect(merged.corruptCount).toBe(0);
  });

  it('skips corrupt entries, counting all and reporting the first twenty', async () => {
    const parts = typing(3_000);
    const withCorrupt = [
      ...parts.slice(0, 1_000),
      ...Array(25).fill(CORRUPT),
      ...parts.slice(1_000),
    ];
    const merged = await mergeLongLogInWorker(withCorrupt);
    expect(merged.corruptCount).toBe(25);
    expect(merged.errors).toHaveLength(20);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, merged.snapshot);
    expect(reloaded.getText('text').toString()).toBe(builtHere(parts).getText('text').toString());

    const { logger, logged } = collectingLogger();
    await mergeLongLog({ parts: withCorrupt, documentId: 'd1', logger });
    const corrupt = logged.filter((line) => line.msg === 'skipping a corrupt stored update');
    expect(corrupt).toHaveLength(20);
    const more = logged.filter((line) => line.msg === 'skipping more corrupt stored updates');
    expect(more.map((line) => line.count)).toEqual([5]);
  });

  it('gives two merges asked at once each its own result', async () => {
    const first = typing(2_500, 'first');
    const second = typing(2_600, 'second');
    const [a, b] = await Promise.all([mergeLongLogInWorker(first), mergeLongLogInWorker(second)]);
    expect(a.vector).toEqual(Y.encodeStateVector(builtHere(first)));
    expect(b.vector).toEqual(Y.encodeStateVector(builtHere(second)));
  });

  it('applies the log on the main thread when the worker fails', async () => {
    const parts = [...typing(2_200), CORRUPT];
    const { logger, logged } = collectingLogger();
    const ydoc = new Y.Doc();
    const failing = (): Promise<LongLogReply> => Promise.reject(new Error('no worker here'));
    const loaded = await loadLongLog({
      ydoc,
      parts,
      origin: Symbol('load'),
      documentId: 'd2',
      logger,
      mergeInWorker: failing,
    });
    expect(loaded.merged).toBeNull();
    expect(ydoc.getText('text').toString()).toBe(builtHere(parts).getText('text').toString());
    expect(loaded.vector).toEqual(Y.encodeStateVector(ydoc));
    const warnings = logged.filter((line) => line.level === 40);
    expect(warnings.map((line) => line.err?.message)).toEqual(['no worker here']);
    const corrupt = logged.filter((line) => line.msg === 'skipping a corrupt stored update');
    expect(corrupt).toHaveLength(1);
  });

  it('serves the worker’s result when it succeeds, leaving the document unbuilt', async () => {
    const parts = typing(2_100);
    const ydoc = new Y.Doc();
    const { logger } = collectingLogger();
    const loaded = await loadLongLog({
      ydoc,
      parts,
      origin: Symbol('load'),
      documentId: 'd3',
      logger,
    });
    expect(loaded.merged).not.toBeNull();
    expect(loaded.vector).toEqual(loaded.merged!.vector);
    expect(ydoc.store.clients.size).toBe(0);
  });
});
