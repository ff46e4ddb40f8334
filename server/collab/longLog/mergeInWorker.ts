/**
 * Merging a long stored log on a worker thread (`mergeWorker.ts`). The main thread only
 * packs the entries (a copy, chunk by chunk) and applies the merged updates that come back:
 * about a fifth of the work of integrating every entry itself, in pieces of a few ms, while the
 * worker's integration and its garbage stay off the event loop that serves every other
 * document.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { FromMergeWorker, PackedEntries, ToMergeWorker } from './messages';

/** Entries per message to the worker, and per transaction there (`sliceLoad.ts`). */
const CHUNK_ENTRIES = 2_000;

/**
 * Sends `parts` (in load order) to a new worker and calls `onMerged` with each merged update
 * it returns, in order; resolves with the whole state as one update, or rejects when the
 * worker could not start or failed (the updates already passed on are still correct ones).
 */
export async function mergeInWorker(input: {
  parts: readonly Uint8Array[];
  onMerged: (update: Uint8Array) => void;
  onCorruptPart: (message: string) => void;
}): Promise<Uint8Array> {
  return mergeSlots(() => mergeInOneWorker(input));
}

async function mergeInOneWorker(input: Parameters<typeof mergeInWorker>[0]): Promise<Uint8Array> {
  const worker = startMergeWorker();
  let hasFailed = false;
  try {
    const done = new Promise<Uint8Array>((resolve, reject) => {
      const fail = (error: unknown): void => {
        hasFailed = true;
        reject(error);
      };
      worker.on('message', (message: FromMergeWorker) => {
        try {
          if (message.type === 'merged') input.onMerged(message.update);
          else if (message.type === 'corrupt') input.onCorruptPart(message.message);
          else resolve(message.snapshot);
        } catch (error) {
          fail(error);
        }
      });
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`log-merge worker exited with ${code}`)));
    });
    // Observed now: a failure while the entries are still being sent must not go unhandled.
    done.catch(() => undefined);
    const { parts } = input;
    // Stops copying as soon as the worker failed (e.g. its file could not be loaded).
    for (let from = 0; from < parts.length && !hasFailed; from += CHUNK_ENTRIES) {
      const chunk = pack(parts, from, Math.min(from + CHUNK_ENTRIES, parts.length));
      post(worker, { type: 'entries', chunk }, [chunk.data.buffer, chunk.lengths.buffer]);
      await yieldToEventLoop();
    }
    post(worker, { type: 'end' });
    return await done;
  } finally {
    void worker.terminate();
  }
}

/**
 * Merges running at once: one per core the main thread leaves free. After a crash restart
 * several long logs may be opened together; each worker holds a V8 heap with a whole document,
 * so the others wait their turn rather than crowd the cores the main thread needs.
 */
const mergeSlots = pLimit(Math.max(1, availableParallelism() - 1));

function post(worker: Worker, message: ToMergeWorker, transfer: ArrayBuffer[] = []): void {
  worker.postMessage(message, transfer);
}

/** Copies `parts[from..to)` back to back into one buffer, with their lengths. */
function pack(parts: readonly Uint8Array[], from: number, to: number): PackedEntries {
  const lengths = new Uint32Array(to - from);
  let total = 0;
  for (let i = from; i < to; i += 1) {
    lengths[i - from] = parts[i]!.byteLength;
    total += parts[i]!.byteLength;
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (let i = from; i < to; i += 1) {
    data.set(parts[i]!, offset);
    offset += parts[i]!.byteLength;
  }
  return { data, lengths };
}

/**
 * The built server (`scripts/buildServer.ts`) has `mergeWorker.js` beside this code. Run from
 * the sources (tsx, Vitest), the worker first registers tsx's loader, which a worker thread
 * does not inherit, then imports the TypeScript file.
 */
function startMergeWorker(): Worker {
  const isSource = import.meta.url.endsWith('.ts');
  const file = new URL(isSource ? './mergeWorker.ts' : './mergeWorker.js', import.meta.url);
  if (!isSource) return new Worker(file);
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  return new Worker(
    `import(${JSON.stringify(tsxApi)})
       .then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`,
    { eval: true },
  );
}
