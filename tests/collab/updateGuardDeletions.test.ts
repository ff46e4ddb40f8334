/**
 * The pure checks behind the size cap and the suggest-only guard: which foreign top-level
 * types a deletion removes content from, which updates only delete or only format, how much a
 * deletion frees, and whether an update stays inside the editor's fragment. How an update's
 * structs are traced to their top-level type is in updateGuard.test.ts; the socket-level
 * behaviour is in docCap.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesFreedBy, createDocSize } from '../../server/collab/docSize';
import {
  findForeignDeletedRootTypes,
  isDeletionOnly,
  isFormattingOnly,
  staysInEditor,
} from '../../server/collab/updateGuard';
import { ALLOWED, changeOf, docOf } from './updateGuardDocs';

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
