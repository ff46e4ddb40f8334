/**
 * Hand-built awareness frames for raw `ws` clients (what a hostile or custom client can send),
 * and a reader for the awareness frames a raw peer receives.
 */
import * as encoding from 'lib0/encoding';
import {
  decodeIncoming,
  encodeAwarenessMessage,
  MESSAGE_AWARENESS,
  type AwarenessEntry,
} from '../../server/collab/protocol';

/** One awareness entry as written on the wire: the state is sent as `JSON.stringify(state)`. */
export interface RawAwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** `[awareness, [count, (clientId, clock, json)…]]`: any entries, owned or not. */
export function awarenessFrame(entries: readonly RawAwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encodeAwarenessMessage(encoding.toUint8Array(encoder));
}

/** The entries of a received awareness frame, or null for any other message. */
export function readAwarenessFrame(message: Uint8Array): AwarenessEntry[] | null {
  if (message[0] !== MESSAGE_AWARENESS) return null;
  const decoded = decodeIncoming(message);
  return decoded.type === 'awareness' ? decoded.entries : null;
}
