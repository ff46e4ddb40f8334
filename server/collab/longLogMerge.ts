/**
 * Merging a long stored log into one snapshot in a worker thread. A document whose log was
 * never compacted (200,000 one-keystroke entries after a crash or an import) takes Yjs ~0.6 s
 * to integrate; done here, on its own thread, the main thread keeps serving every other
 * document meanwhile, and the document is then served as a cold snapshot (no server Y.Doc
 * until someone changes it), which its background compaction stores as is. If the worker
 * cannot run, the caller applies the log on the main thread in slices (`sliceLoad.ts`).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import type { Logger } from '../logger';
import { applyStoredInSlices } from './sliceLoad';

/** The log, as one buffer: entry i is `data[ends[i - 1] ?? 0, ends[i])`. */
export interface LongLogRequest {
  data: Uint8Array;
  ends: Uint32Array;
}

/** The merged state, as `compactDoc` stores it, and the entries that could not be applied. */
export interface LongLogReply {
  snapshot: Uint8Array;
  vector: Uint8Array;
  deletes: Uint8Array;
  corruptCount: number;
  /** The first few corrupt entries' errors, as text. */
  errors: string[];
}

/**
 * The worker's module beside this one: `.js` in the server bundle (the build emits it as an
 * entry of its own beside `main.js`); `.ts` under tsx or vitest, loaded through tsx's loader,
 * registered in the worker first (a worker's `--import` does not apply to its entry module).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./longLogWorker.js', import.meta.url));
  const source = new URL('./longLogWorker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { eval: true },
  );
}

/** Entries copied into the packed buffer per event-loop turn (~5 ms of copying). */
const PACK_SLICE = 40_000;

/**
 * One buffer for the whole log, transferred to the worker without a copy. Packed in slices
 * with a turn in between (200,000 entries take ~25 ms), after a turn of its own: the read of
 * the log ended this one.
 */
async function packed(parts: readonly Uint8Array[]): Promise<LongLogRequest> {
  let total = 0;
  for (const part of parts) total += part.byteLength;
  const data = new Uint8Array(total);
  const ends = new Uint32Array(parts.length);
  let offset = 0;
  for (let index = 0; index < parts.length; index += 1) {
    if (index % PACK_SLICE === 0) await yieldToEventLoop();
    const part = parts[index]!;
    data.set(part, offset);
    offset += part.byteLength;
    ends[index] = offset;
  }
  return { data, ends };
}

/** The merge running now, if any: one at a time, each worker holds a whole log's Y.Doc. */
let running: Promise<unknown> = Promise.resolve();

/**
 * Merges `parts` (in load order) in a fresh worker thread, after any merge already running;
 * rejects if the worker fails. The worker starts first: it boots (~150 ms, loading Yjs) while
 * this thread packs the log.
 */
export function mergeLongLogInWorker(parts: readonly Uint8Array[]): Promise<LongLogReply> {
  const merge = running.then(async () => {
    const worker = startWorker();
    try {
      const replied = new Promise<LongLogReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the long-log worker exited (${code})`)));
      });
      const request = await packed(parts);
      worker.postMessage(request, [
        request.data.buffer as ArrayBuffer,
        request.ends.buffer as ArrayBuffer,
      ]);
      return await replied;
    } finally {
      void worker.terminate();
    }
  });
  running = merge.catch(() => undefined);
  return merge;
}

/**
 * `mergeLongLogInWorker`, with each corrupt entry logged (it was skipped, as the main-thread
 * load skips one), or null if the worker failed: the caller then loads on the main thread.
 */
export async function mergeLongLog(input: {
  parts: readonly Uint8Array[];
  documentId: string;
  logger: Logger;
  /** Where the merge runs; tests pass a failing one to exercise the fallback. */
  mergeInWorker?: (parts: readonly Uint8Array[]) => Promise<LongLogReply>;
}): Promise<LongLogReply | null> {
  const { documentId, logger, mergeInWorker = mergeLongLogInWorker } = input;
  try {
    const merged = await mergeInWorker(input.parts);
    for (const error of merged.errors) {
      logger.error({ error, documentId }, 'skipping a corrupt stored update');
    }
    const unreported = merged.corruptCount - merged.errors.length;
    if (unreported > 0) {
      logger.error({ count: unreported, documentId }, 'skipping more corrupt stored updates');
    }
    return merged;
  } catch (error) {
    logger.warn(
      { err: error, documentId },
      'the long-log worker failed: loading on the main thread',
    );
    return null;
  }
}

/**
 * Loads a long log: merged in the worker (`merged`: the caller serves the snapshot without
 * building `ydoc`), or, if the worker failed, applied to `ydoc` in slices. `vector` is the
 * loaded state's vector either way.
 */
export async function loadLongLog(input: {
  ydoc: Y.Doc;
  parts: readonly Uint8Array[];
  origin: symbol;
  documentId: string;
  logger: Logger;
  mergeInWorker?: (parts: readonly Uint8Array[]) => Promise<LongLogReply>;
}): Promise<{ merged: LongLogReply | null; vector: Uint8Array }> {
  const { documentId, logger } = input;
  const merged = await mergeLongLog(input);
  if (merged) return { merged, vector: merged.vector };
  await applyStoredInSlices({
    ydoc: input.ydoc,
    parts: input.parts,
    origin: input.origin,
    onCorruptPart: (error) =>
      logger.error({ err: error, documentId }, 'skipping a corrupt stored update'),
  });
  return { merged: null, vector: Y.encodeStateVector(input.ydoc) };
}
