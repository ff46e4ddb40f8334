/**
 * Keeps each editor's awareness traffic proportional to what its own person does, not to how
 * many others are typing (issue 9, "quiet carets"):
 *
 * - y-tiptap's cursor plugin re-announces the caret after every remote change (`force`), even
 *   though the caret's relative position did not move; and the stock y-websocket provider
 *   sends every awareness change it hears about, including the states of other people it just
 *   received. Both grow with the number of people typing.
 * - Here the caret goes through a throttle that skips values equal to the last published
 *   relative positions, and the provider only ever sends this client's own state. Peers
 *   resolve relative positions against their copy of the document, so a published caret keeps
 *   following remote edits without being announced again.
 */
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createLatestValueThrottle, type ThrottleClock } from './latestValueThrottle';

type Awareness = WebsocketProvider['awareness'];

/** The awareness field y-tiptap's cursor plugin writes (`{ anchor, head }` or null). */
export const CURSOR_FIELD = 'cursor';

/** At most this many caret updates per second leave the browser (issue 9: 10–20). */
export const CARET_UPDATES_PER_SECOND = 10;

function asRelativePosition(value: unknown): Y.RelativePosition | null {
  if (value instanceof Y.RelativePosition) return value;
  if (typeof value !== 'object' || value === null) return null;
  // A state that went through JSON (e.g. read back from the awareness of another tab).
  return Y.createRelativePositionFromJSON(value);
}

/** Whether two published carets point at the same places (relative positions compared). */
export function isSameCaret(a: unknown, b: unknown): boolean {
  const isNone = (caret: unknown) => caret === null || caret === undefined;
  if (isNone(a) || isNone(b)) return isNone(a) && isNone(b);
  const left = a as { anchor?: unknown; head?: unknown };
  const right = b as { anchor?: unknown; head?: unknown };
  return (
    Y.compareRelativePositions(asRelativePosition(left.anchor), asRelativePosition(right.anchor)) &&
    Y.compareRelativePositions(asRelativePosition(left.head), asRelativePosition(right.head))
  );
}

/**
 * The awareness to hand to Tiptap's CollaborationCaret: the real one, except that caret
 * changes are throttled and unchanged carets are dropped. `getLocalState` shows the caret
 * waiting to be sent, so the plugin compares against what it asked for last.
 */
export function quietCaretAwareness(
  awareness: Awareness,
  clock?: ThrottleClock,
): { awareness: Awareness; dispose: () => void } {
  const throttle = createLatestValueThrottle<unknown>({
    intervalMs: 1_000 / CARET_UPDATES_PER_SECOND,
    isEqual: isSameCaret,
    publish: (caret) => awareness.setLocalStateField(CURSOR_FIELD, caret),
    clock,
  });
  const setLocalStateField = (field: string, value: unknown) => {
    if (field === CURSOR_FIELD) throttle.push(value);
    else awareness.setLocalStateField(field, value);
  };
  const getLocalState = () => {
    const state = awareness.getLocalState();
    const waiting = throttle.pending();
    return state && waiting ? { ...state, [CURSOR_FIELD]: waiting.value } : state;
  };
  const quiet = new Proxy(awareness, {
    get(target, property) {
      if (property === 'setLocalStateField') return setLocalStateField;
      if (property === 'getLocalState') return getLocalState;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { awareness: quiet, dispose: throttle.cancel };
}

/** The changes an awareness `update` event carries. */
interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Makes the provider send this client's own awareness state only. The stock provider also
 * re-sends the states it receives from the server (one echo per remote caret move per peer);
 * the server already relays those to everyone. Returns the undo for teardown.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  const sendToServer = provider._awarenessUpdateHandler;
  const ownId = awareness.clientID;
  const sendOwn = (changes: AwarenessChanges, origin: unknown) => {
    const isOwn = (clientId: number) => clientId === ownId;
    const own = {
      added: changes.added.filter(isOwn),
      updated: changes.updated.filter(isOwn),
      removed: changes.removed.filter(isOwn),
    };
    if (own.added.length + own.updated.length + own.removed.length === 0) return;
    sendToServer(own, origin);
  };
  awareness.off('update', sendToServer);
  awareness.on('update', sendOwn);
  return () => awareness.off('update', sendOwn);
}
