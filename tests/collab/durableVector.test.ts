/**
 * The stored state's vector (`durableVector.ts`): raised by stored updates, parsed, and by a
 * stored snapshot's vector, taken as is.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDurableVector } from '../../server/collab/durableVector';

function typed(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('text').insert(0, text);
  return update!;
}

describe('durable vector', () => {
  it('rises with stored updates and with a snapshot’s vector, never falls', () => {
    const doc = new Y.Doc();
    const first = typed(doc, 'one ');
    const durable = createDurableVector([first]);
    expect(Y.decodeStateVector(durable.encode())).toEqual(new Map([[doc.clientID, 4]]));

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    typed(other, 'two ');
    typed(doc, 'three ');
    // A snapshot of both: its vector raises both clients without parsing the snapshot.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(durable.addStateVector(Y.encodeStateVector(doc))).toBe(true);
    expect(Y.decodeStateVector(durable.encode())).toEqual(
      new Map([
        [doc.clientID, 10],
        [other.clientID, 4],
      ]),
    );
    // The same or an older vector changes nothing.
    expect(durable.addStateVector(Y.encodeStateVector(doc))).toBe(false);
    expect(durable.addStateVector(Y.encodeStateVector(new Map([[doc.clientID, 2]])))).toBe(false);
    expect(Y.decodeStateVector(durable.encode()).get(doc.clientID)).toBe(10);
  });
});
