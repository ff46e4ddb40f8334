/**
 * The wire format of the collab relay between server processes (`collabRelay.ts`): one
 * binary Redis message per document channel, tagged with the process that sent it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What one relay message carries. */
export type RelayMessage =
  /** A Yjs update the sender applied (and stored, or will store). */
  | { kind: 'update'; from: string; update: Uint8Array }
  /** An awareness update (y-protocols encoding) of the sender's clients. */
  | { kind: 'awareness'; from: string; update: Uint8Array }
  /** "Send me what I lack": the sender's state vector, when it opened the document or after a Redis outage. */
  | { kind: 'sync-request'; from: string; stateVector: Uint8Array }
  /** The answer to `to`: what it lacked, and the answerer's state vector so it can send back what the answerer lacks. */
  | { kind: 'sync-reply'; from: string; to: string; update: Uint8Array; stateVector: Uint8Array };

const KINDS = ['update', 'awareness', 'sync-request', 'sync-reply'] as const;
const EMPTY = new Uint8Array(0);

/** Encodes `message` (kind, sender, addressee, two byte arrays). */
export function encodeRelayMessage(message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  encoding.writeVarString(encoder, message.from);
  encoding.writeVarString(encoder, message.kind === 'sync-reply' ? message.to : '');
  encoding.writeVarUint8Array(
    encoder,
    message.kind === 'sync-request' ? message.stateVector : message.update,
  );
  encoding.writeVarUint8Array(encoder, message.kind === 'sync-reply' ? message.stateVector : EMPTY);
  return encoding.toUint8Array(encoder);
}

/** Decodes a relay message; throws on anything else (the caller logs and drops it). */
export function decodeRelayMessage(bytes: Uint8Array): RelayMessage {
  const decoder = decoding.createDecoder(bytes);
  const kind = KINDS[decoding.readVarUint(decoder)];
  const from = decoding.readVarString(decoder);
  const to = decoding.readVarString(decoder);
  const first = decoding.readVarUint8Array(decoder);
  const second = decoding.readVarUint8Array(decoder);
  switch (kind) {
    case 'update':
    case 'awareness':
      return { kind, from, update: first };
    case 'sync-request':
      return { kind, from, stateVector: first };
    case 'sync-reply':
      return { kind, from, to, update: first, stateVector: second };
    default:
      throw new Error('unknown relay message kind');
  }
}
