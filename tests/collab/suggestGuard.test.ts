/**
 * The suggest-only rule itself (`server/collab/suggestGuard.ts`), judged directly on Y.Docs:
 * a reviewer's update is accepted only when rejecting that reviewer's suggestions gives back
 * the document as it was; an update that cannot be read by the editor is refused, one that
 * depends on changes the document lacks is dropped, and judging never changes the live
 * document. The same over real sockets, with healing: suggestOnly.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAndRevert, judgeSuggestOnlyUpdate } from '../../server/collab/suggestGuard';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { newSuggestionId } from '../../shared/editor/suggestionId';
import { blockText, paragraphsOf, setParagraphs } from './editorWorld';

const REVIEWER = 'u-reviewer';
const ORIGINAL = 'Housing first in Stuttgart';

/** The live document, holding one paragraph. */
function liveDocument(): Y.Doc {
  const live = new Y.Doc();
  setParagraphs(live, [ORIGINAL]);
  return live;
}

/** A copy of `live` as the reviewer's editor holds it. */
function copyOf(live: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  return copy;
}

/** The update the reviewer's editor sends for `edit` made on its copy of `live`. */
function reviewerUpdate(live: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = copyOf(live);
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const judge = (live: Y.Doc, update: Uint8Array, userId = REVIEWER) =>
  judgeSuggestOnlyUpdate({ ydoc: live, update, userId });

describe('the suggest-only guard', () => {
  it('accepts the reviewer’s own marked insertion and deletion, without changing the live document', () => {
    const live = liveDocument();
    const stateBefore = Y.encodeStateAsUpdate(live);
    const id = newSuggestionId(REVIEWER);
    const update = reviewerUpdate(live, (copy) =>
      copy.transact(() => {
        blockText(copy, 0).insert(8, 'policy ', { insertion: { id } });
        blockText(copy, 0).format(0, 8, { deletion: { id } });
      }),
    );
    expect(judge(live, update)).toBe('accept');
    expect(paragraphsOf(live)).toEqual([ORIGINAL]);
    expect(Y.encodeStateAsUpdate(live)).toEqual(stateBefore);
  });

  it('accepts the withdrawal of its own suggestion', () => {
    const live = liveDocument();
    const id = newSuggestionId(REVIEWER);
    Y.applyUpdate(
      live,
      reviewerUpdate(live, (copy) =>
        blockText(copy, 0).insert(8, 'policy ', { insertion: { id } }),
      ),
    );
    const withdrawal = reviewerUpdate(live, (copy) => blockText(copy, 0).delete(8, 7));
    expect(judge(live, withdrawal)).toBe('accept');
  });

  it('refuses a plain insertion, a real deletion, formatting and another author’s id', () => {
    const live = liveDocument();
    const edits: Array<[string, (text: Y.XmlText) => void]> = [
      ['plain insertion', (text) => text.insert(8, 'plain ')],
      ['real deletion', (text) => text.delete(0, 8)],
      ['formatting', (text) => text.format(0, 7, { bold: true })],
      [
        'another author’s suggestion',
        (text) => text.insert(8, 'forged ', { insertion: { id: newSuggestionId('u-owner') } }),
      ],
    ];
    for (const [name, edit] of edits) {
      expect(
        judge(
          live,
          reviewerUpdate(live, (copy) => edit(blockText(copy, 0))),
        ),
        name,
      ).toBe('refuse');
    }
  });

  it('judges by the sender: the same suggestion is refused from someone else', () => {
    const live = liveDocument();
    const id = newSuggestionId(REVIEWER);
    const update = reviewerUpdate(live, (copy) =>
      blockText(copy, 0).insert(8, 'policy ', { insertion: { id } }),
    );
    expect(judge(live, update, 'u-other-reviewer')).toBe('refuse');
  });

  it('refuses content the editor cannot show (it would be invisible to everyone)', () => {
    const live = liveDocument();
    const update = reviewerUpdate(live, (copy) =>
      copy.getXmlFragment(EDITOR_FRAGMENT).insert(1, [new Y.XmlElement('script')]),
    );
    expect(judge(live, update)).toBe('refuse');
  });

  it('refuses even its own suggestion while the live document holds content the editor cannot show', () => {
    const live = liveDocument();
    live.getXmlFragment(EDITOR_FRAGMENT).insert(1, [new Y.XmlElement('script')]);
    const id = newSuggestionId(REVIEWER);
    const update = reviewerUpdate(live, (copy) =>
      blockText(copy, 0).insert(8, 'policy ', { insertion: { id } }),
    );
    expect(judge(live, update)).toBe('refuse');
  });

  it('drops an update that depends on changes the live document does not have', () => {
    const live = liveDocument();
    const id = newSuggestionId(REVIEWER);
    const copy = copyOf(live);
    blockText(copy, 0).insert(8, 'policy ', { insertion: { id } });
    const afterFirst = Y.encodeStateVector(copy);
    blockText(copy, 0).insert(15, 'and ', { insertion: { id } });
    const second = Y.encodeStateAsUpdate(copy, afterFirst);
    expect(judge(live, second)).toBe('drop');
    expect(paragraphsOf(live)).toEqual([ORIGINAL]);
  });

  it('drops a deletion of text the live document does not have', () => {
    const live = liveDocument();
    const copy = copyOf(live);
    blockText(copy, 0).insert(0, 'Unseen ');
    const afterInsert = Y.encodeStateVector(copy);
    blockText(copy, 0).delete(0, 7);
    const deletionOnly = Y.encodeStateAsUpdate(copy, afterInsert);
    expect(judge(live, deletionOnly)).toBe('drop');
  });

  it('still judges an update when the live document already awaits missing changes', () => {
    const live = liveDocument();
    // Another client's second change, without its first: the live document holds it pending.
    const other = copyOf(live);
    blockText(other, 0).insert(0, 'A');
    const afterFirst = Y.encodeStateVector(other);
    blockText(other, 0).insert(0, 'B');
    Y.applyUpdate(live, Y.encodeStateAsUpdate(other, afterFirst));
    expect(live.store.pendingStructs).not.toBeNull();

    const id = newSuggestionId(REVIEWER);
    const own = reviewerUpdate(live, (copy) =>
      blockText(copy, 0).insert(8, 'policy ', { insertion: { id } }),
    );
    expect(judge(live, own)).toBe('accept');
    const plain = reviewerUpdate(live, (copy) => blockText(copy, 0).insert(8, 'plain '));
    expect(judge(live, plain)).toBe('refuse');
  });
});

describe('healing a refused update', () => {
  const REFUSED = Symbol('refused');
  const REVERT = Symbol('revert');

  it('applies and reverts it: the sender’s copy and every peer end with the text as it was', () => {
    const live = new Y.Doc();
    setParagraphs(live, [ORIGINAL]);
    blockText(live, 0).format(0, 7, { bold: true });
    const peer = copyOf(live);
    const sender = copyOf(live);
    const before = Y.encodeStateVector(sender);
    // A plain deletion of bold text and an insertion: refused for a reviewer.
    sender.transact(() => {
      blockText(sender, 0).delete(0, 8);
      blockText(sender, 0).insert(0, 'Shelter ');
    });
    const refused = Y.encodeStateAsUpdate(sender, before);
    const sent: Uint8Array[] = [];
    live.on('update', (update: Uint8Array) => sent.push(update));
    // The undo manager is gone afterwards: no listener left on the live document.
    const listeners = (): number => live._observers.get('afterTransaction')?.size ?? 0;
    const listenersBefore = listeners();

    applyAndRevert({
      ydoc: live,
      apply: () => Y.applyUpdate(live, refused, REFUSED),
      origins: { refused: REFUSED, revert: REVERT },
    });

    expect(sent).toHaveLength(2);
    expect(listeners()).toBe(listenersBefore);
    for (const update of sent) {
      Y.applyUpdate(peer, update);
      Y.applyUpdate(sender, update);
    }
    for (const doc of [live, peer, sender]) {
      expect(paragraphsOf(doc)).toEqual([ORIGINAL]);
      // The bold of the deleted word comes back with it.
      expect(blockText(doc, 0).toDelta()[0]).toEqual({
        insert: 'Housing',
        attributes: { bold: true },
      });
    }
  });
});
