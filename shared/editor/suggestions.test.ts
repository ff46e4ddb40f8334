import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { readCheckedDocument, ydocFromJson } from '../../tests/helpers/editorDocument';
import { getEditorSchema } from './extensions';
import { newSuggestionId } from './suggestionId';
import { locateSuggestions, settleSuggestions } from './suggestions';

const schema = getEditorSchema();
const doc = (...paragraphs: string[]): ProseMirrorNode =>
  schema.nodeFromJSON({
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph',
      ...(text ? { content: [{ type: 'text', text }] } : {}),
    })),
  });

/** Runs `edit` as the library's suggestion mode would, for `author`. */
function suggest(
  start: ProseMirrorNode,
  author: string,
  edit: (tr: Transaction) => Transaction,
): ProseMirrorNode {
  const state = EditorState.create({ schema, doc: start });
  const tracked = transformToSuggestionTransaction(edit(state.tr), state, () =>
    newSuggestionId(author),
  );
  return tracked.doc;
}

/** The document after a trip through Yjs, as every other copy reads it. */
const throughYjs = (node: ProseMirrorNode): ProseMirrorNode =>
  readCheckedDocument(ydocFromJson(node.toJSON()));

const everyone = (): boolean => true;

describe('settling suggestions', () => {
  const original = doc('Housing first', 'in Stuttgart');
  const edits: Array<[string, (tr: Transaction) => Transaction, ProseMirrorNode]> = [
    ['typing', (tr) => tr.insertText(' policy', 14), doc('Housing first policy', 'in Stuttgart')],
    ['deleting', (tr) => tr.delete(1, 9), doc('first', 'in Stuttgart')],
    [
      'splitting a paragraph',
      (tr) => tr.setSelection(TextSelection.create(tr.doc, 8)).split(8),
      doc('Housing', ' first', 'in Stuttgart'),
    ],
    ['joining paragraphs', (tr) => tr.delete(14, 16), doc('Housing firstin Stuttgart')],
    ['replacing across paragraphs', (tr) => tr.insertText('X', 9, 19), doc('Housing XStuttgart')],
  ];

  for (const [name, edit, applied] of edits) {
    it(`gives back the original when rejecting and the edit when accepting: ${name}`, () => {
      const suggested = throughYjs(suggest(original, 'user-a', edit));
      expect(suggested.eq(original)).toBe(false);
      expect(locateSuggestions(suggested).size).toBeGreaterThan(0);
      expect(settleSuggestions(suggested, 'reject', everyone).toJSON()).toEqual(original.toJSON());
      expect(settleSuggestions(suggested, 'accept', everyone).toJSON()).toEqual(applied.toJSON());
    });
  }

  it('settles only the suggestions the filter picks', () => {
    const byA = suggest(original, 'user-a', (tr) => tr.insertText('New ', 1));
    const byBoth = suggest(byA, 'user-b', (tr) => tr.delete(20, 23));
    const located = [...locateSuggestions(byBoth).values()];
    expect(located.map((s) => [s.insertedText, s.deletedText])).toEqual([
      ['New ', ''],
      ['', 'in '],
    ]);
    const [idOfA] = located.map((s) => s.id);
    const withoutA = settleSuggestions(byBoth, 'reject', (id) => id === idOfA);
    expect(withoutA.textContent).toBe('Housing firstin Stuttgart');
    expect(locateSuggestions(withoutA).size).toBe(1);
  });
});
