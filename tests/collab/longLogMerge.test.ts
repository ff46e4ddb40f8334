/**
 * A long stored log merged on a worker thread (`server/collab/longLog/`): the merged updates
 * that come back rebuild exactly what was stored (a corrupt entry skipped and reported), in a
 * few dozen updates instead of one per entry, and the snapshot equals them; when the worker's
 * result cannot be used, the log is loaded on the main thread instead, and that is logged.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadLongLog } from '../../server/collab/longLog/loadLongLog';
import { mergeInWorker } from '../../server/collab/longLog/mergeInWorker';
import { recordingLogger, type LoggedLine } from '../helpers/recordingLogger';

const ENTRIES = 6_000;
const LOAD_ORIGIN = Symbol('load');

/** One entry per keystroke, with a backspace now and then, and a corrupt entry midway. */
function storedLog(): { parts: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const parts: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => parts.push(update));
  const text = doc.getText('default');
  for (let i = 0; i < ENTRIES; i += 1) {
    if (i % 10 === 9) text.delete(text.length - 1, 1);
    else text.insert(text.length, 'abcdefghij'[i % 10]!);
  }
  parts.splice(ENTRIES / 2, 0, Uint8Array.of(1, 2, 3, 200, 200));
  return { parts, text: text.toString() };
}

function textOf(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('default').toString();
}

describe('merging a long log on a worker thread', () => {
  it('returns merged updates and a snapshot that each rebuild exactly what was stored', async () => {
    const { parts, text } = storedLog();
    const merged: Uint8Array[] = [];
    const corrupt: string[] = [];
    const snapshot = await mergeInWorker({
      parts,
      onMerged: (update) => merged.push(update),
      onCorruptPart: (message) => corrupt.push(message),
    });
    expect(textOf(merged)).toBe(text);
    expect(textOf([snapshot])).toBe(text);
    expect(corrupt).toHaveLength(1);
    // One merged update per transaction of 2,000 entries at most, not one per entry.
    expect(merged.length).toBeGreaterThan(0);
    expect(merged.length).toBeLessThanOrEqual(Math.ceil(parts.length / 2_000));
  });

  it('merges several logs asked for at once, each exactly (those beyond the limit wait)', async () => {
    const logs = [storedLog(), storedLog(), storedLog()];
    const merged = await Promise.all(
      logs.map(({ parts }) =>
        mergeInWorker({ parts, onMerged: () => undefined, onCorruptPart: () => undefined }),
      ),
    );
    expect(merged.map((snapshot) => textOf([snapshot]))).toEqual(logs.map((log) => log.text));
  });

  it('loads on the main thread when applying the merged updates fails, and logs why', async () => {
    const { parts, text } = storedLog();
    const ydoc = new Y.Doc();
    let isFirstUpdate = true;
    ydoc.on('update', () => {
      if (!isFirstUpdate) return;
      isFirstUpdate = false;
      throw new Error('an observer failed');
    });
    const { logger, logged } = recordingLogger<LoggedLine & { err?: { message: string } }>();

    const state = await loadLongLog({
      ydoc,
      parts,
      origin: LOAD_ORIGIN,
      logger,
      documentId: 'doc-1',
    });

    expect(state).toBeNull();
    expect(ydoc.getText('default').toString()).toBe(text);
    const warning = logged.find((line) => line.level === 40);
    expect(warning?.msg).toMatch(/worker thread failed/);
    expect(warning?.err?.message).toBe('an observer failed');
  });

  it('resolves with the merged state when the worker succeeds', async () => {
    const { parts, text } = storedLog();
    const ydoc = new Y.Doc();
    const { logger, logged } = recordingLogger();
    const state = await loadLongLog({ ydoc, parts, origin: LOAD_ORIGIN, logger, documentId: 'd' });
    expect(ydoc.getText('default').toString()).toBe(text);
    expect(textOf([state!])).toBe(text);
    expect(logged.filter((line) => line.level === 40)).toEqual([]);
    expect(logged.filter((line) => line.level === 50)).toHaveLength(1); // the corrupt entry
  });
});
