/**
 * Runs tasks of one key one after the other (tasks of different keys run freely). The
 * suggestions router settles a document's suggestions through it, so two people accepting and
 * rejecting the same suggestion at once are served in turn: the second sees the first's
 * record and gets 409 `suggestion_resolved` rather than a half-finished state.
 */

/** A per-key queue; see the module comment. */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** Builds an empty queue (one per server: no module-level state). */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      // Runs after the previous task, whether it succeeded or failed.
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
