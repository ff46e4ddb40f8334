/**
 * The pure checks behind the editor-types rule and the size cap: how an update's structs are
 * traced to their top-level type, and how much a deletion frees. The socket-level behaviour is
 * in docCap.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesFreedBy, createDocSize } from '../../server/collab/docSize';
import {
  assertAllowedRootTypes,
  findForeignDeletedRootTypes,
  findForeignRootTypes,
  ForeignRootTypeError,
  isDeletionOnly,
  isFormattingOnly,
  staysInEditor,
  type DecodedUpdate,
} from '../../server/collab/updateGuard';
import { CLOSE_REASONS } from '../../shared/closeCodes';

const ALLOWED: ReadonlySet<string> = new Set(['default']);

/** The change `edit` makes to a copy of `doc`, and `doc` itself unchanged. */
function changeOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

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

/** A document whose edits carry a chosen client id, so tests can name struct ids. */
function docOf(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}

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

/** The foreign top-level types whose content `update`'s delete set removes from `doc`. */
function deletedForeignIn(update: Uint8Array, doc: Y.Doc): string[] {
  return findForeignDeletedRootTypes({
    decoded: Y.decodeUpdate(update),
    doc,
    allowedRoots: ALLOWED,
  }).sort();
}

describe('findForeignDeletedRootTypes', () => {
  it('names each foreign type whose content a deletion removes, once, and no allowed one', () => {
    const doc = new Y.Doc();
    doc.getText('default').insert(0, 'hello');
    doc.getText('meta').insert(0, 'secret');
    doc.getMap('other').set('k', 'v');
    doc.getText('meta').insert(6, ' more');
    const deletion = changeOf(doc, (copy) => {
      copy.getText('default').delete(0, 5);
      copy.getText('meta').delete(0, 11);
      copy.getMap('other').delete('k');
    });
    expect(deletedForeignIn(deletion, doc)).toEqual(['meta', 'other']);
    const allowedOnly = changeOf(doc, (copy) => copy.getText('default').delete(1, 2));
    expect(deletedForeignIn(allowedOnly, doc)).toEqual([]);
  });

  it('walks every struct of a range, from inside the first to the end of the last', () => {
    const doc = new Y.Doc();
    // One client, so allowed and foreign content sit in one run of clocks.
    doc.getText('default').insert(0, 'hello');
    doc.getText('meta').insert(0, 'secret');
    const across = changeOf(doc, (copy) => {
      copy.getText('default').delete(2, 3);
      copy.getText('meta').delete(0, 3);
    });
    expect(Y.decodeUpdate(across).ds.clients.get(doc.clientID)).toHaveLength(1);
    expect(deletedForeignIn(across, doc)).toEqual(['meta']);
  });

  it('stops where a range ends: a deletion just before foreign content names nothing', () => {
    const doc = new Y.Doc();
    doc.getText('default').insert(0, 'hello');
    doc.getText('meta').insert(0, 'secret');
    const before = changeOf(doc, (copy) => copy.getText('default').delete(0, 5));
    expect(deletedForeignIn(before, doc)).toEqual([]);
  });

  it('skips what the document does not have: an unknown client, clocks past its end', () => {
    const doc = new Y.Doc();
    doc.getText('meta').insert(0, 'secret');
    const elsewhere = new Y.Doc();
    elsewhere.getText('meta').insert(0, 'other');
    const unknownClient = changeOf(elsewhere, (copy) => copy.getText('meta').delete(0, 5));
    expect(deletedForeignIn(unknownClient, doc)).toEqual([]);
    // Its writer wrote more since, then deleted it: the document has none of that.
    const writer = new Y.Doc();
    writer.getText('meta').insert(0, 'secret');
    const behind = new Y.Doc();
    Y.applyUpdate(behind, Y.encodeStateAsUpdate(writer));
    const seen = Y.encodeStateVector(writer);
    writer.getText('meta').insert(6, ' later');
    writer.getText('meta').delete(6, 6);
    const pastEnd = Y.encodeStateAsUpdate(writer, seen);
    expect(Y.decodeUpdate(pastEnd).ds.clients.get(writer.clientID)).toBeDefined();
    expect(deletedForeignIn(pastEnd, behind)).toEqual([]);
  });

  it('names no type for garbage-collected content', () => {
    const doc = new Y.Doc({ gc: true });
    const nested = new Y.Text('abc');
    doc.getMap('default').set('nested', nested);
    doc.getMap('default').delete('nested');
    // The document's own delete set covers the nested text's collected content again.
    const resent = Y.encodeStateAsUpdate(doc);
    expect(deletedForeignIn(resent, doc)).toEqual([]);
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

describe('isDeletionOnly and isFormattingOnly', () => {
  /** A document with one text, and the updates of three formattings of it in a row. */
  function formattings(): { doc: Y.Doc; updates: Uint8Array[] } {
    const doc = docOf(5);
    const text = new Y.XmlText();
    doc.getXmlFragment('default').insert(0, [text]);
    text.insert(0, 'hello world');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    text.format(0, 2, { bold: true });
    text.format(3, 2, { italic: true });
    text.format(6, 2, { code: true });
    return { doc, updates };
  }

  it('tells an insertion from a deletion', () => {
    const doc = new Y.Doc();
    const insert = changeOf(doc, (copy) => copy.getText('default').insert(0, 'abc'));
    expect(isDeletionOnly(Y.decodeUpdate(insert))).toBe(false);
  });

  it('counts marks as formatting, and anything with text in it as not', () => {
    const { doc, updates } = formattings();
    expect(updates.map((update) => isFormattingOnly(Y.decodeUpdate(update)))).toEqual([
      true,
      true,
      true,
    ]);
    const typed = changeOf(doc, (copy) =>
      (copy.getXmlFragment('default').get(0) as Y.XmlText).insert(0, 'more '),
    );
    expect(isFormattingOnly(Y.decodeUpdate(typed))).toBe(false);
    expect(isFormattingOnly(Y.decodeUpdate(Y.mergeUpdates([updates[0]!, typed])))).toBe(false);
  });

  it('counts merged formattings with a gap between them (a skip, no content) as formatting', () => {
    const { updates } = formattings();
    const gapped = Y.decodeUpdate(Y.mergeUpdates([updates[0]!, updates[2]!]));
    expect(gapped.structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    expect(isFormattingOnly(gapped)).toBe(true);
  });
});

describe('document size accounting', () => {
  it('counts what a delete set frees in the document, and nothing already deleted', () => {
    const doc = new Y.Doc();
    doc.getText('default').insert(0, 'hello world');
    const deleteWorld = changeOf(doc, (copy) => copy.getText('default').delete(6, 5));
    expect(bytesFreedBy(Y.decodeUpdate(deleteWorld).ds, doc)).toBe(5);
    Y.applyUpdate(doc, deleteWorld);
    expect(bytesFreedBy(Y.decodeUpdate(deleteWorld).ds, doc)).toBe(0);
  });

  it('does not subtract content inserted and deleted in the same transaction', () => {
    const doc = new Y.Doc();
    const size = createDocSize(1000);
    doc.on('afterTransaction', (transaction: Y.Transaction) => size.noteTransaction(transaction));
    const text = doc.getText('default');
    doc.transact(() => {
      text.insert(0, 'x'.repeat(500));
      text.delete(0, 500);
    });
    expect(size.bytes()).toBe(1000);
    text.insert(0, 'y'.repeat(300));
    text.delete(0, 300);
    expect(size.bytes()).toBe(700);
  });
});

describe('staysInEditor (what the suggest-only guard may judge)', () => {
  it('is true only for writes and deletions inside the editor’s fragment', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('default').insert(0, [new Y.XmlText('text')]);
    doc.getMap('notes').set('a', 1);
    const stays = (update: Uint8Array): boolean => staysInEditor(Y.decodeUpdate(update), doc);

    const inEditor = changeOf(doc, (copy) => {
      (copy.getXmlFragment('default').get(0) as Y.XmlText).insert(0, 'more ');
      (copy.getXmlFragment('default').get(0) as Y.XmlText).delete(5, 2);
    });
    expect(stays(inEditor)).toBe(true);
    expect(stays(changeOf(doc, (copy) => copy.getMap('notes').set('b', 2)))).toBe(false);
    // A deletion alone in another root: no structs, only a delete set.
    const deletion = changeOf(doc, (copy) => copy.getMap('notes').delete('a'));
    expect(isDeletionOnly(Y.decodeUpdate(deletion))).toBe(true);
    expect(stays(deletion)).toBe(false);
  });
});
