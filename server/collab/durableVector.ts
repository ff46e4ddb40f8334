/**
 * The state vector of what storage holds for one document, kept without a second Y.Doc: each
 * written update (or snapshot) raises every client's clock to the end of that client's structs
 * in it (`Y.parseUpdateMeta(...).to`). This is exact because the log only ever receives updates
 * the live Y.Doc emitted after integrating them, in order: what is stored is always a prefix of
 * that sequence, so each client's structs in storage are contiguous from clock 0.
 * (`Y.encodeStateVectorFromUpdate` would not do: it counts a client only from clock 0.)
 */
import * as Y from 'yjs';

/** Per-client clocks of the stored state, raised as writes land. */
export interface DurableVector {
  /** Counts an update (or a snapshot) that storage now holds. Returns whether any clock rose. */
  add(update: Uint8Array): boolean;
  /**
   * Counts a stored snapshot by its state vector (`Y.encodeStateVector` of the document it
   * was encoded from), without parsing it. Returns whether any clock rose.
   */
  addStateVector(vector: Uint8Array): boolean;
  /** `Y.encodeStateVector` format of the stored state. */
  encode(): Uint8Array;
}

/**
 * Starts from the parts loaded from storage. They are parsed lazily, on the first `add` or
 * `encode`, so opening a large document pays nothing until something is stored or asked.
 * `initialClocks`, when given, is the stored state's vector already known (a long log applied
 * to the Y.Doc at load, whose 200,000 entries would otherwise each be parsed once more here).
 */
export function createDurableVector(
  initialParts: readonly Uint8Array[],
  initialClocks?: () => ReadonlyMap<number, number>,
): DurableVector {
  const clocks = new Map<number, number>();
  let unparsed: readonly Uint8Array[] | null = initialParts;
  let unreadClocks = initialClocks ?? null;

  const raise = (update: Uint8Array): boolean => {
    let meta: ReturnType<typeof Y.parseUpdateMeta>;
    try {
      meta = Y.parseUpdateMeta(update);
    } catch {
      // A corrupt stored entry is skipped when the document loads too (see `applyStored`).
      return false;
    }
    return raiseTo(meta.to);
  };
  const raiseTo = (ends: ReadonlyMap<number, number>): boolean => {
    let rose = false;
    for (const [client, clock] of ends) {
      if (clock > (clocks.get(client) ?? 0)) {
        clocks.set(client, clock);
        rose = true;
      }
    }
    return rose;
  };
  const parseInitial = (): void => {
    if (unreadClocks) {
      for (const [client, clock] of unreadClocks()) clocks.set(client, clock);
      unreadClocks = null;
    }
    if (!unparsed) return;
    const parts = unparsed;
    unparsed = null;
    for (const part of parts) raise(part);
  };

  return {
    add(update) {
      parseInitial();
      return raise(update);
    },
    addStateVector(vector) {
      parseInitial();
      return raiseTo(Y.decodeStateVector(vector));
    },
    encode() {
      parseInitial();
      // `Y.encodeStateVector` also takes a client→clock map (same encoding as a document's).
      return Y.encodeStateVector(clocks);
    },
  };
}
