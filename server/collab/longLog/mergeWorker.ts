/**
 * The log-merge worker thread (started by `mergeInWorker.ts`). It applies the stored log's
 * entries to its own Y.Doc, 2,000 per transaction, and sends back each transaction's update:
 * Yjs has merged that transaction's structs into runs by then, so the main thread rebuilds
 * the document from ~100 small merged updates instead of integrating 200,000 keystrokes,
 * and this thread's work and garbage never stop the main thread's event loop.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { encodeIntegratedState } from '../protocol';
import type { FromMergeWorker, PackedEntries, ToMergeWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('mergeWorker.ts runs as a worker thread');

const send = (message: FromMergeWorker): void => port.postMessage(message);

const ydoc = new Y.Doc({ gc: true });
// Each transaction's update on its own: the main thread applies one per event-loop turn.
ydoc.on('update', (update: Uint8Array) => send({ type: 'merged', update }));

/** Applies one chunk's entries in one transaction (see `sliceLoad.ts` for why chunks). */
const applyChunk = ({ data, lengths }: PackedEntries): void => {
  Y.transact(ydoc, () => {
    let offset = 0;
    for (const length of lengths) {
      // Each entry its own view: a truncated entry then fails alone instead of reading on
      // into the next one.
      const entry = data.subarray(offset, offset + length);
      offset += length;
      try {
        Y.applyUpdate(ydoc, entry);
      } catch (error) {
        send({ type: 'corrupt', message: error instanceof Error ? error.message : String(error) });
      }
    }
  });
};

port.on('message', (message: ToMergeWorker) => {
  if (message.type === 'entries') {
    applyChunk(message.chunk);
    return;
  }
  // As every snapshot the server writes: without pending structs (`encodeIntegratedState`).
  send({ type: 'done', snapshot: encodeIntegratedState(ydoc) });
});
