/**
 * The sliced load of a long log (`server/collab/sliceLoad.ts`): every entry applied in order, a
 * corrupt one skipped and reported, and the chunk sizes the load uses. The first chunk is small
 * (cold code ran 2,000 entries in ~60 ms, one stall of the process), and a chunk doubles only
 * while it runs quickly, never past the size that loads fastest.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStoredInSlices } from '../../server/collab/sliceLoad';

/** `count` one-keystroke entries: each adds exactly one to its client's clock. */
function keystrokes(count: number): { parts: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const parts: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => parts.push(update));
  const text = doc.getText('text');
  for (let index = 0; index < count; index += 1) text.insert(text.length, 'abcde'[index % 5]!);
  return { parts, text: text.toString() };
}

/** The entries each transaction applied, read from the clock it added. */
function chunkSizesOf(ydoc: Y.Doc): number[] {
  const sizes: number[] = [];
  ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
    let added = 0;
    for (const [client, clock] of transaction.afterState) {
      added += clock - (transaction.beforeState.get(client) ?? 0);
    }
    sizes.push(added);
  });
  return sizes;
}

describe('applying a long log in slices', () => {
  it('applies every entry, starting with a small chunk and doubling up to 2,000', async () => {
    const { parts, text } = keystrokes(12_000);
    const ydoc = new Y.Doc();
    const sizes = chunkSizesOf(ydoc);
    await applyStoredInSlices({ ydoc, parts, origin: Symbol('load'), onCorruptPart: () => {} });

    expect(ydoc.getText('text').toString()).toBe(text);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(12_000);
    expect(sizes[0]).toBe(250);
    // Each chunk is the one before it or twice that (the last may be cut by the log's end).
    for (let index = 1; index < sizes.length - 1; index += 1) {
      expect([sizes[index - 1], sizes[index - 1]! * 2]).toContain(sizes[index]);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2_000);
  });

  it('skips a corrupt entry, reporting it, and applies the rest', async () => {
    const { parts, text } = keystrokes(600);
    const corrupt = Uint8Array.of(1, 2, 3, 200, 200);
    const ydoc = new Y.Doc();
    const reported: unknown[] = [];
    await applyStoredInSlices({
      ydoc,
      parts: [...parts.slice(0, 300), corrupt, ...parts.slice(300)],
      origin: Symbol('load'),
      onCorruptPart: (error) => reported.push(error),
    });
    expect(ydoc.getText('text').toString()).toBe(text);
    expect(reported).toHaveLength(1);
  });
});
