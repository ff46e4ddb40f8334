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

/**
 * A clock that moves only when a chunk is applied (`msPerChunk` per transaction), and a count
 * of the event-loop turns other work got while the load ran.
 */
function timedLoad(msPerChunk: number, count: number) {
  const { parts, text } = keystrokes(count);
  const ydoc = new Y.Doc();
  const sizes = chunkSizesOf(ydoc);
  let time = 0;
  ydoc.on('afterTransaction', () => {
    time += msPerChunk;
  });
  let turns = 0;
  let isLoading = true;
  const countTurn = (): void => {
    turns += 1;
    if (isLoading) setImmediate(countTurn);
  };
  setImmediate(countTurn);
  const loaded = applyStoredInSlices({
    ydoc,
    parts,
    origin: Symbol('load'),
    onCorruptPart: () => {},
    now: () => time,
  }).finally(() => {
    isLoading = false;
  });
  return { loaded, ydoc, text, sizes, turns: () => turns };
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

  it('doubles a chunk that ran within the budget, and yields once the slice has used it', async () => {
    // Every chunk takes exactly the 15 ms budget: each doubles, and each ends its slice.
    const load = timedLoad(15, 6_000);
    await load.loaded;
    expect(load.ydoc.getText('text').toString()).toBe(load.text);
    expect(load.sizes).toEqual([250, 500, 1_000, 2_000, 2_000, 250]);
    // A turn for other work before the first chunk and after each but the last.
    expect(load.turns()).toBeGreaterThanOrEqual(load.sizes.length);
  });

  it('keeps the chunk small while chunks run over the budget', async () => {
    const load = timedLoad(16, 1_000);
    await load.loaded;
    expect(load.sizes).toEqual([250, 250, 250, 250]);
    expect(load.turns()).toBeGreaterThanOrEqual(4);
  });

  it('applies the whole log in one slice while no time passes', async () => {
    const load = timedLoad(0, 6_000);
    await load.loaded;
    expect(load.sizes).toEqual([250, 500, 1_000, 2_000, 2_000, 250]);
    // The turn before the first slice only, and the one that ended the load.
    expect(load.turns()).toBeLessThanOrEqual(2);
  });
});
