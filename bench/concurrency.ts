/** Running a list of async jobs with a bounded number in flight (connecting clients without a thundering herd). */

/** Calls `job` for every item, at most `concurrency` at a time; resolves when all settled. */
async function forEachWithConcurrency<T>(input: {
  items: readonly T[];
  concurrency: number;
  job: (item: T, index: number) => Promise<void>;
}): Promise<void> {
  const { items, job } = input;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await job(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, worker));
}

/** Connect times of the clients that connected, and why the others did not. */
export interface ConnectOutcome {
  connectMs: number[];
  failures: string[];
}

/** Connects every item, `concurrency` at a time; a failed connect is recorded, not thrown. */
export async function connectAll<T>(input: {
  items: readonly T[];
  concurrency: number;
  /** Resolves with the connect+sync time in ms. */
  connect: (item: T) => Promise<number>;
}): Promise<ConnectOutcome> {
  const outcome: ConnectOutcome = { connectMs: [], failures: [] };
  await forEachWithConcurrency({
    items: input.items,
    concurrency: input.concurrency,
    job: async (item) => {
      try {
        outcome.connectMs.push(await input.connect(item));
      } catch (error) {
        outcome.failures.push(error instanceof Error ? error.message : String(error));
      }
    },
  });
  return outcome;
}
