import { describe, expect, it } from 'vitest';
import { coversClock, coversVector, mergeStoredVectors } from '../../shared/realtime/storedVector';

describe('doc:stored notices merged over server processes', () => {
  it('keeps the highest clock per client, whichever process reported it', () => {
    const fromA = new Map([
      [1, 10],
      [2, 3],
    ]);
    const fromB = new Map([
      [1, 4],
      [3, 7],
    ]);
    const merged = mergeStoredVectors(mergeStoredVectors(null, fromA), fromB);
    expect([...merged].sort()).toEqual([
      [1, 10],
      [2, 3],
      [3, 7],
    ]);
    // A later notice that lacks a client (another process's) does not take it back.
    expect(coversClock(mergeStoredVectors(merged, new Map([[9, 1]])), 1, 10)).toBe(true);
  });

  it('covers a clock only when every change up to it is stored', () => {
    const stored = new Map([[5, 20]]);
    expect(coversClock(stored, 5, 20)).toBe(true);
    expect(coversClock(stored, 5, 21)).toBe(false);
    expect(coversClock(stored, 6, 1)).toBe(false);
    expect(coversClock(null, 6, 0)).toBe(true);
    expect(coversClock(null, 6, 1)).toBe(false);
  });

  it('covers a vector (what an offline copy brought back) only when every client in it is covered', () => {
    const broughtBack = new Map([
      [7, 12],
      [8, 3],
    ]);
    expect(
      coversVector(
        new Map([
          [7, 12],
          [8, 3],
          [9, 1],
        ]),
        broughtBack,
      ),
    ).toBe(true);
    expect(
      coversVector(
        new Map([
          [7, 12],
          [8, 2],
        ]),
        broughtBack,
      ),
    ).toBe(false);
    expect(coversVector(new Map([[7, 12]]), broughtBack)).toBe(false);
    expect(coversVector(null, broughtBack)).toBe(false);
    expect(coversVector(null, new Map())).toBe(true);
  });
});
