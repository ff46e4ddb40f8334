/**
 * Every limit and shape check of the incoming y-websocket protocol (server/collab/protocol.ts),
 * one by one: each malformed message is refused with ProtocolError (the server then closes
 * the connection with 4400), and the largest well-formed one is accepted.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  assertDecodableUpdate,
  decodeAwarenessUpdate,
  decodeIncoming,
  encodeAwarenessMessage,
  encodeIntegratedState,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  encodeSyncUpdate,
  ProtocolError,
} from '../../server/collab/protocol';

/** An awareness update with `count` entries (or the given states), and optional trailing bytes. */
function awarenessUpdate(input: { states: string[]; count?: number; tail?: number[] }): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, input.count ?? input.states.length);
  input.states.forEach((state, index) => {
    encoding.writeVarUint(encoder, index + 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, state);
  });
  for (const byte of input.tail ?? []) encoding.writeUint8(encoder, byte);
  return encoding.toUint8Array(encoder);
}

function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as Error).message;
  }
}

describe('awareness updates', () => {
  it('accept up to 4096 entries and refuse one more', () => {
    const states = (count: number) => Array.from({ length: count }, () => '{}');
    expect(decodeAwarenessUpdate(awarenessUpdate({ states: states(4096) }))).toHaveLength(4096);
    expect(refusal(() => decodeAwarenessUpdate(awarenessUpdate({ states: states(4097) })))).toBe(
      'too many awareness entries',
    );
    // The count is checked before any entry is read: a huge count with no entries is refused as such.
    expect(refusal(() => decodeAwarenessUpdate(awarenessUpdate({ states: [], count: 1e9 })))).toBe(
      'too many awareness entries',
    );
  });

  it('refuse trailing bytes after the last entry', () => {
    expect(
      refusal(() => decodeAwarenessUpdate(awarenessUpdate({ states: ['{}'], tail: [0] }))),
    ).toBe('trailing bytes in awareness update');
    const message = encodeAwarenessMessage(awarenessUpdate({ states: ['{}'], tail: [1, 2] }));
    expect(refusal(() => decodeIncoming(message))).toBe('trailing bytes in awareness update');
  });

  it('accept an object or null as a state, measure it, and refuse anything else', () => {
    const [entry, removed] = decodeAwarenessUpdate(
      awarenessUpdate({ states: ['{"user":{"name":"Liège"}}', 'null'] }),
    );
    expect(entry).toEqual({
      clientId: 1,
      clock: 1,
      state: { user: { name: 'Liège' } },
      // the varint length prefix (1 byte) + the UTF-8 bytes of the JSON
      stateBytes: 1 + Buffer.byteLength('{"user":{"name":"Liège"}}'),
    });
    expect(removed?.state).toBeNull();
    for (const [state, reason] of [
      ['{"user":', 'awareness state is not JSON'],
      ['[1,2]', 'awareness state is not an object'],
      ['42', 'awareness state is not an object'],
      ['"text"', 'awareness state is not an object'],
      ['true', 'awareness state is not an object'],
    ] as const) {
      expect(refusal(() => decodeAwarenessUpdate(awarenessUpdate({ states: [state] })))).toBe(
        reason,
      );
    }
  });

  it('are refused when truncated', () => {
    const whole = awarenessUpdate({ states: ['{"a":1}'] });
    expect(
      refusal(() => decodeIncoming(encodeAwarenessMessage(whole.slice(0, -2)))),
    ).not.toBeNull();
  });
});

describe('messages', () => {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, 'Vienna');
  const update = Y.encodeStateAsUpdate(doc);

  it('tell step 2 from a plain update', () => {
    expect(decodeIncoming(encodeSyncStep2(doc, new Uint8Array([0])))).toMatchObject({
      type: 'sync-update',
      isStep2: true,
    });
    expect(decodeIncoming(encodeSyncUpdate(update))).toEqual({
      type: 'sync-update',
      update,
      isStep2: false,
    });
    expect(decodeIncoming(encodeSyncStep2FromUpdate(update))).toEqual({
      type: 'sync-update',
      update,
      isStep2: true,
    });
    expect(decodeIncoming(encodeSyncStep1(doc))).toEqual({
      type: 'sync-step1',
      stateVector: Y.encodeStateVector(doc),
    });
  });

  it('refuse trailing bytes after any message', () => {
    for (const message of [encodeSyncStep1(doc), encodeSyncUpdate(update), Uint8Array.of(3)]) {
      expect(refusal(() => decodeIncoming(Uint8Array.from([...message, 0])))).toBe(
        'trailing bytes after the message',
      );
    }
  });

  it('refuse unknown message and sync types', () => {
    expect(refusal(() => decodeIncoming(Uint8Array.of(2)))).toBe('unknown message type 2');
    expect(refusal(() => decodeIncoming(Uint8Array.of(4)))).toBe('unknown message type 4');
    expect(refusal(() => decodeIncoming(Uint8Array.of(0, 3, 0)))).toBe(
      'unknown sync message type 3',
    );
  });

  it('refuse a step 1 whose state vector does not decode', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, Uint8Array.of(5, 1));
    expect(refusal(() => decodeIncoming(encoding.toUint8Array(encoder)))).not.toBeNull();
  });

  it('refuse an update Yjs cannot decode, before it touches a document', () => {
    expect(assertDecodableUpdate(update).structs.length).toBeGreaterThan(0);
    expect(refusal(() => assertDecodableUpdate(update.slice(0, update.length - 3)))).toMatch(
      /^undecodable update: /,
    );
  });
});

describe('encodeIntegratedState', () => {
  it('leaves out pending structs, and keeps them pending in the document', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (each: Uint8Array) => updates.push(each));
    source.getText('text').insert(0, 'first ');
    source.getText('text').insert(6, 'second');
    const target = new Y.Doc();
    Y.applyUpdate(target, updates[1]!); // depends on the first: pending
    expect(target.store.pendingStructs).not.toBeNull();
    const encoded = encodeIntegratedState(target);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, encoded);
    expect(copy.store.pendingStructs).toBeNull();
    expect(target.store.pendingStructs).not.toBeNull();
    Y.applyUpdate(target, updates[0]!);
    expect(target.getText('text').toString()).toBe('first second');
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(new Y.Doc()));
    // Without anything pending, it is the whole state.
    const whole = new Y.Doc();
    Y.applyUpdate(whole, encodeIntegratedState(target));
    expect(whole.getText('text').toString()).toBe('first second');
  });
});
