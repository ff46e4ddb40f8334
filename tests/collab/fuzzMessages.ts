/**
 * A seeded generator of hostile y-websocket messages for the fuzz test: random bytes,
 * truncated real messages, wrong message types, huge varints, mutated real messages and
 * valid prefixes with garbage tails. Real messages come from a local Y.Doc and Awareness,
 * so mutations start from byte layouts the server really parses.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  assertDecodableUpdate,
  decodeIncoming,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../server/collab/protocol';

export type Random = () => number;

/** Real, well-formed messages of every kind, as a pool to truncate and mutate. */
export function realMessagePool(random: Random): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('text');
  const fragment = doc.getXmlFragment('default');
  for (let index = 0; index < 12; index++) {
    text.insert(Math.floor(random() * (text.length + 1)), `fuzz${index}`);
    if (index % 3 === 0) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('level', String(index));
      paragraph.insert(0, [new Y.XmlText(`p${index}`)]);
      fragment.insert(0, [paragraph]);
    }
    if (index % 4 === 1) text.delete(0, 2);
  }
  doc.getMap('meta').set('k', { nested: [1, 'two', null] });
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Fuzzer', color: '#abcdef' }, cursor: { anchor: 3 } });
  const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return [
    encodeSyncStep1(doc),
    encodeSyncStep2(doc, new Uint8Array([0])),
    ...updates.map((update) => encodeSyncUpdate(update)),
    encodeAwarenessMessage(awarenessUpdate),
    Uint8Array.of(3),
  ];
}

function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

function randomBytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => int(random, 256));
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[int(random, items.length)]!;
}

const HUGE_VARINT = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];

/** One hostile message, and the name of the strategy that made it. */
export function hostileMessage(
  random: Random,
  pool: readonly Uint8Array[],
): { kind: string; bytes: Uint8Array } {
  const base = pick(random, pool);
  switch (int(random, 7)) {
    case 0:
      return { kind: 'random-bytes', bytes: randomBytes(random, int(random, 64)) };
    case 1:
      return { kind: 'truncated', bytes: base.slice(0, int(random, base.length)) };
    case 2: {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 4 + int(random, 1000));
      encoding.writeUint8Array(encoder, randomBytes(random, int(random, 16)));
      return { kind: 'unknown-type', bytes: encoding.toUint8Array(encoder) };
    }
    case 3: {
      const at = 1 + int(random, Math.max(1, base.length - 1));
      const bytes = Uint8Array.from([
        ...base.slice(0, at),
        ...HUGE_VARINT.slice(int(random, 4)),
        ...base.slice(at),
      ]);
      return { kind: 'huge-varint', bytes };
    }
    case 4: {
      const bytes = base.slice();
      const flips = 1 + int(random, 3);
      for (let flip = 0; flip < flips && bytes.length > 0; flip++)
        bytes[int(random, bytes.length)] = int(random, 256);
      return { kind: 'mutated', bytes };
    }
    case 5: {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 3 + int(random, 200));
      encoding.writeUint8Array(encoder, base.slice(2));
      return { kind: 'wrong-sync-type', bytes: encoding.toUint8Array(encoder) };
    }
    default: {
      const cut = int(random, base.length + 1);
      return {
        kind: 'garbage-tail',
        bytes: Uint8Array.from([
          ...base.slice(0, cut),
          ...randomBytes(random, 1 + int(random, 24)),
        ]),
      };
    }
  }
}

/** Whether the server must refuse this message (checked with the server's own decoder). */
export function isMalformed(bytes: Uint8Array): boolean {
  try {
    const message = decodeIncoming(bytes);
    if (message.type === 'sync-update') assertDecodableUpdate(message.update);
    return false;
  } catch {
    return true;
  }
}
