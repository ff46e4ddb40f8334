/**
 * The pure checks behind the editor-types rule: how an update's structs are traced to their
 * top-level type, through the update and into the document, forged updates included, and the
 * error that closes a connection writing into another type. What deletions remove and free,
 * and the kinds of update the size cap and the suggest-only guard tell apart, are in
 * updateGuardDeletions.test.ts; the socket-level behaviour is in docCap.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  assertAllowedRootTypes,
  findForeignRootTypes,
  ForeignRootTypeError,
  isDeletionOnly,
  type DecodedUpdate,
} from '../../server/collab/updateGuard';
import { CLOSE_REASONS } from '../../shared/closeCodes';
import { ALLOWED, changeOf, docOf } from './updateGuardDocs';

function foreignIn(update: Uint8Array, doc = new Y.Doc()): string[] {
  return findForeignRootTypes({ decoded: Y.decodeUpdate(update), doc, allowedRoots: ALLOWED });
}

describe('findForeignRootTypes', () => {
  it('traces a long run of characters (each naming only its right neighbour, so none merge) to its root', () => {
    const typed = (root: string): Uint8Array =>
      changeOf(new Y.Doc(), (doc) => {
        const fragment = doc.getXmlFragment(root);
        const text = new Y.XmlText();
        fragment.insert(0, [text]);
        for (let index = 0; index < 20_000; index++) text.insert(0, 'x');
      });
    const update = typed('default');
    expect(Y.decodeUpdate(update).structs.length).toBeGreaterThan(20_000);
    expect(foreignIn(update)).toEqual([]);
    expect(foreignIn(typed('junk'))).toEqual(['junk']);
  });

  it('lets a struct that waits for a missing one through; the missing one is checked when it arrives', () => {
    const origin = new Y.Doc();
    origin.getText('junk').insert(0, 'abc');
    const dependent = changeOf(origin, (copy) => copy.getText('junk').insert(3, 'd'));
    // The server has none of `origin`: the new item names only its left neighbour.
    expect(foreignIn(dependent)).toEqual([]);
    expect(foreignIn(Y.encodeStateAsUpdate(origin))).toEqual(['junk']);
  });

  it('never counts deletions', () => {
    const doc = new Y.Doc();
    doc.getText('junk').insert(0, 'abc');
    const deletion = changeOf(doc, (copy) => copy.getText('junk').delete(0, 2));
    expect(isDeletionOnly(Y.decodeUpdate(deletion))).toBe(true);
    expect(foreignIn(deletion, doc)).toEqual([]);
  });
});

/**
 * A forged item, as a hostile client can encode one: `text` at `client`/`clock`, placed by a
 * top-level name (`parent`) or by a neighbour's id (`origin`, a `[client, clock]` pair).
 */
function forgedItem(input: {
  client: number;
  clock: number;
  text: string;
  parent?: string;
  origin?: [number, number];
}): Y.Item {
  const origin = input.origin ? Y.createID(...input.origin) : null;
  return new Y.Item(
    Y.createID(input.client, input.clock),
    null,
    origin,
    null,
    null,
    // A decoded (not yet integrated) item holds a root name here, which the typings do not know.
    (input.parent ?? null) as unknown as Y.AbstractType<unknown> | null,
    null,
    new Y.ContentString(input.text),
  );
}

/** A decoded update made of exactly `structs`, in the order given. */
function forgedUpdate(structs: Y.Item[]): DecodedUpdate {
  return { structs, ds: Y.decodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())).ds };
}

function foreignInDecoded(decoded: DecodedUpdate, doc = new Y.Doc()): string[] {
  return findForeignRootTypes({ decoded, doc, allowedRoots: ALLOWED });
}

describe('findForeignRootTypes: references into the document', () => {
  /** The server's copy: "abc" in a foreign `junk` text and nested editor content, by client 1. */
  function serverDoc(): Y.Doc {
    const doc = docOf(1);
    doc.getText('junk').insert(0, 'abc');
    for (const root of ['default', 'junkFragment']) {
      const paragraph = new Y.XmlElement('paragraph');
      doc.getXmlFragment(root).insert(0, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, 'hello');
    }
    return doc;
  }

  /** The update a peer (client 2) sends after `edit`ing its copy of `doc`. */
  function peerChange(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
    const copy = docOf(2);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    edit(copy);
    return Y.encodeStateAsUpdate(copy, before);
  }

  const nestedText = (doc: Y.Doc, root: string): Y.XmlText =>
    (doc.getXmlFragment(root).get(0) as Y.XmlElement).get(0) as Y.XmlText;

  it('finds the foreign type of an item placed only by its left neighbour in the document', () => {
    const doc = serverDoc();
    const append = peerChange(doc, (copy) => copy.getText('junk').insert(3, 'd'));
    expect(foreignIn(append, doc)).toEqual(['junk']);
  });

  it('finds the foreign type of an item placed only by its right neighbour in the document', () => {
    const doc = serverDoc();
    const prepend = peerChange(doc, (copy) => copy.getText('junk').insert(0, 'z'));
    expect(foreignIn(prepend, doc)).toEqual(['junk']);
  });

  it('follows a run of new items through the update to the document item it starts from', () => {
    const doc = serverDoc();
    const run = peerChange(doc, (copy) => {
      for (let index = 0; index < 50; index++) copy.getText('junk').insert(0, 'x');
    });
    expect(Y.decodeUpdate(run).structs.length).toBe(50);
    expect(foreignIn(run, doc)).toEqual(['junk']);
  });

  it('traces text nested in elements to its top-level type, allowed or not', () => {
    const doc = serverDoc();
    const inEditor = peerChange(doc, (copy) => nestedText(copy, 'default').insert(5, '!'));
    const inJunk = peerChange(doc, (copy) => nestedText(copy, 'junkFragment').insert(5, '!'));
    expect(foreignIn(inEditor, doc)).toEqual([]);
    expect(foreignIn(inJunk, doc)).toEqual(['junkFragment']);
  });

  it('lets an item wait that names a struct just past what the document has of that client', () => {
    const doc = serverDoc();
    // Client 1 typed "d" on another connection; the server has not received it yet.
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(doc));
    // Set after loading: Yjs picks a new id when an update brings structs of its own.
    later.clientID = 1;
    later.getText('junk').insert(3, 'd');
    const nextClockOfClient1 = Y.getState(doc.store, 1);
    expect(
      Y.decodeUpdate(Y.encodeStateAsUpdate(later, Y.encodeStateVector(doc))).structs[0]?.id,
    ).toEqual(Y.createID(1, nextClockOfClient1));
    const afterD = peerChange(later, (copy) => copy.getText('junk').insert(4, 'e'));
    expect(foreignIn(afterD, doc)).toEqual([]);
  });
});

describe('findForeignRootTypes: forged updates', () => {
  const INVALID = '<invalid parent chain>';

  it('refuses items that name each other as neighbours (a loop no real edit makes)', () => {
    const a = forgedItem({ client: 1, clock: 0, text: 'ab', origin: [2, 0] });
    const b = forgedItem({ client: 2, clock: 0, text: 'c', origin: [1, 1] });
    expect(foreignInDecoded(forgedUpdate([a, b]))).toEqual([INVALID]);
    const self = forgedItem({ client: 3, clock: 0, text: 'x', origin: [3, 0] });
    expect(foreignInDecoded(forgedUpdate([self]))).toEqual([INVALID]);
  });

  it('finds a loop through items of one client listed out of clock order, wherever each reference points inside an item', () => {
    // Clocks 0-1, 2-4, 5, 6-9, 10; each names a position inside the next, the last the first.
    const items = [
      forgedItem({ client: 7, clock: 6, text: 'ghij', origin: [7, 10] }),
      forgedItem({ client: 7, clock: 0, text: 'ab', origin: [7, 3] }),
      forgedItem({ client: 7, clock: 10, text: 'k', origin: [7, 1] }),
      forgedItem({ client: 7, clock: 2, text: 'cde', origin: [7, 5] }),
      forgedItem({ client: 7, clock: 5, text: 'f', origin: [7, 9] }),
    ];
    expect(foreignInDecoded(forgedUpdate(items))).toEqual([INVALID]);
    // The same items in the allowed type, without the loop: nothing foreign.
    const chain = [
      forgedItem({ client: 7, clock: 6, text: 'ghij', origin: [7, 10] }),
      forgedItem({ client: 7, clock: 0, text: 'ab', parent: 'default' }),
      forgedItem({ client: 7, clock: 10, text: 'k', origin: [7, 1] }),
      forgedItem({ client: 7, clock: 2, text: 'cde', origin: [7, 5] }),
      forgedItem({ client: 7, clock: 5, text: 'f', origin: [7, 9] }),
    ];
    expect(foreignInDecoded(forgedUpdate(chain))).toEqual([]);
  });

  it('looks past a garbage-collected copy in the update of a struct the document has', () => {
    const doc = docOf(1);
    doc.getText('junk').insert(0, 'abc');
    // Yjs skips the GC (it has those clocks) and puts the new item into `junk`.
    const resent = new Y.GC(Y.createID(1, 0), 3);
    const next = forgedItem({ client: 2, clock: 0, text: 'x', origin: [1, 1] });
    expect(foreignInDecoded({ ...forgedUpdate([]), structs: [resent, next] }, doc)).toEqual([
      'junk',
    ]);
  });

  it('lets an item that names no place at all through (Yjs has no type to put it in)', () => {
    const nowhere = forgedItem({ client: 8, clock: 0, text: 'n' });
    expect(foreignInDecoded(forgedUpdate([nowhere]))).toEqual([]);
  });

  it('does not take a reference past the end of an update item for that item', () => {
    // (3, 1) and (3, 7) are not in the update: the item naming them waits; no loop.
    for (const missingClock of [1, 7]) {
      const waiting = forgedItem({ client: 4, clock: 0, text: 'w', origin: [3, missingClock] });
      const present = forgedItem({ client: 3, clock: 0, text: 'p', origin: [4, 0] });
      expect(foreignInDecoded(forgedUpdate([waiting, present]))).toEqual([]);
    }
    // Nor one before the first item of that client in the update.
    const waiting = forgedItem({ client: 4, clock: 0, text: 'w', origin: [3, 2] });
    const present = forgedItem({ client: 3, clock: 5, text: 'pq', origin: [4, 0] });
    expect(foreignInDecoded(forgedUpdate([waiting, present]))).toEqual([]);
  });
});

describe('assertAllowedRootTypes', () => {
  it('throws the unknown-type close reason, naming at most three types in a short message', () => {
    const doc = new Y.Doc();
    const junk = changeOf(doc, (copy) => {
      for (const name of ['alpha', 'beta', 'gamma', 'delta']) copy.getText(name).insert(0, 'x');
    });
    const check = (): void =>
      assertAllowedRootTypes({ decoded: Y.decodeUpdate(junk), doc, allowedRoots: ALLOWED });
    expect(check).toThrow(ForeignRootTypeError);
    expect(check).toThrow(new ForeignRootTypeError(['alpha', 'beta', 'gamma', 'delta']).message);
    const error = new ForeignRootTypeError(['alpha', 'beta', 'gamma', 'delta']);
    expect(error.message).toBe(`${CLOSE_REASONS.unknownSharedType}: alpha, beta, gamma`);
    expect(error.rootNames).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    const long = new ForeignRootTypeError(['x'.repeat(100)]);
    expect(long.message).toBe(`${CLOSE_REASONS.unknownSharedType}: ${'x'.repeat(60)}`);
  });

  it('accepts an update that writes only into allowed types', () => {
    const doc = new Y.Doc();
    const fine = changeOf(doc, (copy) => copy.getText('default').insert(0, 'hello'));
    expect(() =>
      assertAllowedRootTypes({ decoded: Y.decodeUpdate(fine), doc, allowedRoots: ALLOWED }),
    ).not.toThrow();
  });
});
