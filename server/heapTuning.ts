/**
 * V8's heap sizing for a process that holds many small live documents (issue 19,
 * docs/PERFORMANCE.md "Heap growth"). By default V8 lets the old generation grow by a large
 * factor between major collections; under collaboration traffic most of what it promotes is
 * short-lived (update buffers, messages), so the heap, and the resident memory with it, grows
 * far past what is live (at 1,000 documents × 2 clients: ~110 MB of old space for ~65 MB of
 * live objects). Growing by 10 % per step collects that garbage sooner: peak RSS ~215 →
 * ~175 MB in bench (d), at no measurable CPU cost there (marking is concurrent).
 */
import v8 from 'node:v8';

/** How far the old generation may grow past its live size before the next major GC. */
export const HEAP_GROWING_PERCENT = 10;

/**
 * Applies the sizing; called first thing by a server process's entry point. V8 reads this flag
 * at every major collection, so setting it at startup, before the heap has grown, takes effect.
 */
export function tuneHeapForManyDocuments(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
