/** Pure building blocks of the collab server: token bucket, message decoding, state vectors. */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeIncoming,
  encodeSyncStep1,
  encodeSyncUpdate,
  mergeStateVectors,
  ProtocolError,
} from '../../server/collab/protocol';
import { createTokenBucket } from '../../server/collab/rateLimit';

describe('createTokenBucket', () => {
  it('allows the burst, then the sustained rate', () => {
    let now = 0;
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, now: () => now });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now += 100; // one token back after 1/10 s
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000; // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('decodeIncoming', () => {
  it('decodes the messages a WebsocketProvider sends', () => {
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'Bamberg');
    expect(decodeIncoming(encodeSyncStep1(doc)).type).toBe('sync-step1');
    const update = decodeIncoming(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    expect(update).toMatchObject({ type: 'sync-update', isStep2: false });
    expect(decodeIncoming(Uint8Array.of(3))).toEqual({ type: 'query-awareness' });
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 7);
    encoding.writeVarUint(inner, 2);
    encoding.writeVarString(inner, '{"user":{"name":"Oxford"}}');
    encoding.writeVarUint8Array(awareness, encoding.toUint8Array(inner));
    expect(decodeIncoming(encoding.toUint8Array(awareness))).toMatchObject({
      type: 'awareness',
      entries: [{ clientId: 7, clock: 2, state: { user: { name: 'Oxford' } } }],
    });
  });

  it('throws ProtocolError on anything malformed', () => {
    for (const bad of [
      Uint8Array.of(),
      Uint8Array.of(2),
      Uint8Array.of(0, 0),
      Uint8Array.of(0, 0, 5, 1),
      Uint8Array.of(3, 0),
    ]) {
      expect(() => decodeIncoming(bad)).toThrow(ProtocolError);
    }
  });
});

describe('mergeStateVectors', () => {
  it('keeps the highest clock of every client', () => {
    const a = Y.encodeStateVector(
      new Map([
        [1, 5],
        [2, 9],
      ]),
    );
    const b = Y.encodeStateVector(
      new Map([
        [2, 3],
        [3, 4],
      ]),
    );
    expect(Y.decodeStateVector(mergeStateVectors(a, b))).toEqual(
      new Map([
        [1, 5],
        [2, 9],
        [3, 4],
      ]),
    );
  });
});
