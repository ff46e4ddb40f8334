/**
 * `BENCH_WITHOUT=persistence,derived,access`: runs OUR server child with some of the work the
 * reference server does not do switched off, to measure what the rest costs. A measurement
 * only: a server without them loses edits and keeps revoked readers, so nothing outside the
 * bench can turn them off.
 *
 * - `persistence`: the update log's group commit stores nothing (every batch is reported
 *   stored, with made-up increasing seqs). Loads, compaction and everything else still read
 *   and write SQLite.
 * - `derived`: the derived fields (plain text, outline, search index) are never due during a
 *   run (their debounce is a million seconds).
 * - `access`: the periodic access re-check round never comes round during a run.
 */
import type { ServerTuning } from '../server/server';
import type { Storage } from '../server/storage/types';

const ABLATIONS = ['persistence', 'derived', 'access'] as const;
export type Ablation = (typeof ABLATIONS)[number];

/** Far longer than any run, and below the largest delay Node's timers accept (2^31 − 1 ms). */
const NEVER_MS = 1_000_000_000;

/** The ablations named in `BENCH_WITHOUT` (comma-separated); an unknown name is an error. */
export function parseAblations(value: string | undefined): Set<Ablation> {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(ABLATIONS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_WITHOUT: unknown "${name}" (known: ${ABLATIONS.join(', ')})`);
    }
  }
  return new Set(names as Ablation[]);
}

/** The collab options that switch off `derived` and `access`. */
export function ablatedTuning(ablations: ReadonlySet<Ablation>): ServerTuning {
  return {
    collab: {
      ...(ablations.has('derived') ? { derivedDebounceMs: NEVER_MS } : {}),
      ...(ablations.has('access') ? { accessRecheckMs: NEVER_MS } : {}),
    },
  };
}

/** `storage` whose group commit stores nothing when `persistence` is ablated. */
export function ablatedStorage(storage: Storage, ablations: ReadonlySet<Ablation>): Storage {
  if (!ablations.has('persistence')) return storage;
  let nextSeq = 1;
  return {
    ...storage,
    appendDocUpdatesBatch: async ({ batches }) =>
      batches.map(({ updates }) => ({
        isStored: true as const,
        seqs: updates.map(() => nextSeq++),
      })),
  };
}
