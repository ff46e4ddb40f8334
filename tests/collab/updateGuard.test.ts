/**
 * The pure checks behind the editor-types rule and the size cap: how an update's structs are
 * traced to their top-level type, and how much a deletion frees. The socket-level behaviour is
 * in docCap.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesFreedBy, createDocSize } from '../../server/collab/docSize';
import { findForeignRootTypes, isDeletionOnly } from '../../server/collab/updateGuard';

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
