/**
 * How an editor publishes its caret in awareness, in the two behaviours the review-meeting
 * benchmark compares:
 * - `echo`: Tiptap's collaboration caret as shipped (y-tiptap's cursor plugin forces a
 *   re-announcement on every view update caused by a remote Yjs change, and announces on
 *   every local change), so each client's awareness traffic grows with the number of typists;
 * - `quiet`: announced only when the caret changes locally, at most `quietMaxPerSecond`.
 * The state is what the editor puts there: `user: {name, color}` and
 * `cursor: {anchor, head}`, two base64-encoded `Y.RelativePosition`s in the `default` fragment.
 */
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

export type CaretMode = 'echo' | 'quiet';
export const CARET_MODES: readonly CaretMode[] = ['echo', 'quiet'];

/** Upper bound of `quiet` announcements per second (issue 9 asks for 10–20). */
export const QUIET_MAX_PER_SECOND = 15;

/** Where the caret is: an index in one text of the document (anchor = head: no selection). */
export interface CaretPlace {
  type: Y.XmlText | Y.XmlFragment;
  index: number;
}

/** Publishes one client's caret according to `mode`. */
export interface CaretPublisher {
  /** The person typed (the document changed locally and the caret moved with it). */
  typed(): void;
  /** The caret moved without a document change (a click, an arrow key). */
  moved(): void;
  /** Stops timers and listeners. */
  stop(): void;
}

function encodePosition(place: CaretPlace): string {
  const position = Y.createRelativePositionFromTypeIndex(place.type, place.index);
  return Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
}

/**
 * At most one call per `minIntervalMs`: the first runs at once, later ones within the
 * interval collapse into one trailing call (so the newest caret is always sent).
 */
function throttle(minIntervalMs: number, run: () => void): { call(): void; cancel(): void } {
  let lastAt = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  return {
    call() {
      if (timer) return;
      const wait = lastAt + minIntervalMs - performance.now();
      if (wait <= 0) {
        lastAt = performance.now();
        run();
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        lastAt = performance.now();
        run();
      }, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Sets the `user` field now and keeps `cursor` current as `mode` dictates. */
export function createCaretPublisher(input: {
  mode: CaretMode;
  doc: Y.Doc;
  awareness: Awareness;
  user: { name: string; color: string };
  caret: () => CaretPlace;
}): CaretPublisher {
  const { mode, doc, awareness } = input;
  const announce = (): void => {
    const position = encodePosition(input.caret());
    awareness.setLocalStateField('cursor', { anchor: position, head: position });
  };
  awareness.setLocalState({ user: input.user, cursor: null });
  announce();
  if (mode === 'echo') {
    // Every document change, local or remote, re-announces — as the editor's view update did.
    doc.on('update', announce);
    return {
      // A typed character was already announced by the document update above.
      typed: () => undefined,
      moved: announce,
      stop: () => doc.off('update', announce),
    };
  }
  const throttled = throttle(1000 / QUIET_MAX_PER_SECOND, announce);
  return {
    typed: () => throttled.call(),
    moved: () => throttled.call(),
    stop: () => throttled.cancel(),
  };
}
