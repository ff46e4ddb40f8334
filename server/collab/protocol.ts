/**
 * The y-websocket wire protocol, as the stock `WebsocketProvider` speaks it:
 * `[messageType: varUint, payload…]` with 0 = sync (y-protocols/sync), 1 = awareness,
 * 3 = query awareness. Encoders here build each outgoing message once, so a broadcast
 * sends the same buffer to every connection.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Most awareness entries one message may carry (a provider sends one; the server a few hundred). */
const MAX_AWARENESS_ENTRIES = 4096;

/** A decoded, fully validated incoming message. Anything else is a protocol violation. */
export type IncomingMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array; isStep2: boolean }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'query-awareness' };

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
  /** Size of the state as sent (its UTF-8 JSON with its length prefix), checked against a cap. */
  stateBytes: number;
}

/** Why a message was refused: becomes the log line of the 4400 close. */
export class ProtocolError extends Error {}

/**
 * Decodes one message without touching any document. Throws `ProtocolError` on anything
 * malformed: bad varints, truncation, trailing bytes, unknown types, an update Yjs cannot
 * decode, or awareness entries that are not JSON objects.
 */
export function decodeIncoming(message: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    const result = decodeByType(decoder, type);
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message');
    return result;
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent, re-wrapping a ProtocolError keeps its class and message
    if (error instanceof ProtocolError) throw error;
    // Stryker disable next-line StringLiteral: equivalent, lib0's decoders only throw Error instances
    throw new ProtocolError(error instanceof Error ? error.message : 'undecodable message');
  }
}

function decodeByType(decoder: decoding.Decoder, type: number): IncomingMessage {
  if (type === MESSAGE_SYNC) return decodeSync(decoder);
  if (type === MESSAGE_AWARENESS) {
    const update = decoding.readVarUint8Array(decoder);
    return { type: 'awareness', update, entries: decodeAwarenessUpdate(update) };
  }
  if (type === MESSAGE_QUERY_AWARENESS) return { type: 'query-awareness' };
  throw new ProtocolError(`unknown message type ${type}`);
}

function decodeSync(decoder: decoding.Decoder): IncomingMessage {
  const syncType = decoding.readVarUint(decoder);
  if (syncType === SYNC_STEP1) {
    const stateVector = decoding.readVarUint8Array(decoder);
    // Y.encodeStateAsUpdate would throw on a bad state vector; check it here instead.
    Y.decodeStateVector(stateVector);
    return { type: 'sync-step1', stateVector };
  }
  if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
    const update = decoding.readVarUint8Array(decoder);
    return { type: 'sync-update', update, isStep2: syncType === SYNC_STEP2 };
  }
  throw new ProtocolError(`unknown sync message type ${syncType}`);
}

/**
 * Checks that a Yjs update decodes completely (structs and delete set) before it is applied
 * to a shared document, so a truncated or garbage update cannot half-apply. Returns the
 * decoded structs and delete set for further checks (`updateGuard.ts`).
 */
export function assertDecodableUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError(
      // Stryker disable next-line StringLiteral: equivalent, Yjs's decoder only throws Error instances
      `undecodable update: ${error instanceof Error ? error.message : 'unknown'}`,
    );
  }
}

/** Parses an awareness update the way y-protocols does, but validating every field first. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new ProtocolError('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const stateStart = decoder.pos;
    const json = decoding.readVarString(decoder);
    const stateBytes = decoder.pos - stateStart;
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw new ProtocolError('awareness state is not JSON');
    }
    // Stryker disable next-line ConditionalExpression: equivalent, typeof null is 'object' and null is no array
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new ProtocolError('awareness state is not an object');
    }
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null, stateBytes });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
  return entries;
}

/** `[sync, subtype, payload]`: every sync message has this one layout. */
function encodeSyncMessage(subtype: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** `[sync, step1, stateVector(doc)]`: asks the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSyncStep1FromVector(Y.encodeStateVector(doc));
}

/** Sync step 1 from a state vector known without the Y.Doc (a stored snapshot's). */
export function encodeSyncStep1FromVector(stateVector: Uint8Array): Uint8Array {
  return encodeSyncMessage(SYNC_STEP1, stateVector);
}

/**
 * The document's integrated state as one update (only what is missing from `stateVector`,
 * if given), without its pending structs and deletes. `Y.encodeStateAsUpdate` merges the
 * pending ones into its result with `Y.mergeUpdates`, which assumes that two structs with the
 * same id are the same struct: a pending struct sent at clocks another client already used
 * (a hostile or mutated update, which stays pending forever if its origin never exists) is
 * then sliced into the real structs, and whoever applies the result takes that fragment for
 * the real one and drops the real structs after it as duplicates. Snapshots built that way
 * lost most of a document on reload. Pending parts are not part of the document; a client
 * whose own update went pending sends it again at its next sync (the state vector lacks it).
 */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { store } = doc;
  const { pendingStructs, pendingDs } = store;
  // The fast path: without pending parts both branches encode the same (mutants there are equivalent).
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: equivalent, see above
  if (pendingStructs === null && pendingDs === null) {
    return Y.encodeStateAsUpdate(doc, stateVector);
  }
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    store.pendingStructs = pendingStructs;
    store.pendingDs = pendingDs;
  }
}

/** `[sync, step2, diff]`: what the client lacks, given its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encodeSyncMessage(SYNC_STEP2, encodeIntegratedState(doc, stateVector));
}

/** `[sync, step2, update]` for an already encoded update (e.g. a stored snapshot, sent as is). */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SYNC_STEP2, update);
}

/** An empty Yjs update: "you have everything I have". */
export const EMPTY_UPDATE = Uint8Array.of(0, 0);

/** The union of two state vectors (highest clock per client): what a peer has after receiving both. */
export function mergeStateVectors(a: Uint8Array, b: Uint8Array): Uint8Array {
  const merged = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b)) {
    // Stryker disable next-line EqualityOperator: equivalent, setting an equal clock changes nothing
    if ((merged.get(client) ?? 0) < clock) merged.set(client, clock);
  }
  return Y.encodeStateVector(merged);
}

/** `[sync, update, update]`: one document change, broadcast to every other connection. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SYNC_UPDATE, update);
}

/** `[awareness, update]` for an already encoded awareness update. */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}
