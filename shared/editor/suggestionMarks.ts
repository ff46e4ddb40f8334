/**
 * Suggestions (track changes) as marks of the shared schema, with the names and shapes of
 * `@handlewithcare/prosemirror-suggest-changes` (the editor's suggestion mode builds on it):
 * `insertion` covers proposed new text or blocks, `deletion` covers text proposed for removal
 * (still in the document until someone accepts), `modification` a block whose type or
 * attributes a suggestion changes (the library needs the mark in the schema; the collab server
 * does not accept it from reviewers yet, see docs/COLLAB.md). Each carries the suggestion's
 * `id` (`suggestionId.ts`): author and time are in its storage record.
 *
 * Only text carries them: y-prosemirror stores marks on text, not on whole blocks (node
 * marks), so a suggestion across paragraphs marks their text and the library's zero-width
 * markers at the block edges. The collab server refuses a reviewer's change that would need a
 * node mark (it would arrive unmarked), and the reviewer's copy heals.
 */
import { Mark, mergeAttributes } from '@tiptap/core';
import { suggestionAuthorId } from './suggestionId';

/** The HTML attribute carrying the suggestion id (the sidebar finds the suggestion of a click by it). */
export const SUGGESTION_ID_ATTRIBUTE = 'data-suggestion-id';

/** The mark names, as the library expects them. */
export const SUGGESTION_MARK = {
  insertion: 'insertion',
  deletion: 'deletion',
  modification: 'modification',
} as const;

/** The suggestion marks' names, space-separated, as a node's `marks` spec takes them. */
const SUGGESTION_MARK_LIST = Object.values(SUGGESTION_MARK).join(' ');

/** A hue (0–359) per author, so each person's suggestions have their own colour everywhere. */
export function authorHue(authorId: string): number {
  let hash = 0;
  for (const char of authorId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

const idAttribute = {
  id: {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(SUGGESTION_ID_ATTRIBUTE),
    renderHTML: (attributes: Record<string, unknown>) => {
      const id = attributes.id;
      if (typeof id !== 'string' && typeof id !== 'number') return {};
      const author = suggestionAuthorId(id);
      return {
        [SUGGESTION_ID_ATTRIBUTE]: String(id),
        ...(author ? { style: `--suggestion-hue: ${authorHue(author)}` } : {}),
      };
    },
  },
};

/** Proposed new content (typing in suggestion mode). */
export const InsertionMark = Mark.create({
  name: SUGGESTION_MARK.insertion,
  inclusive: false,
  excludes: SUGGESTION_MARK_LIST,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: `ins[${SUGGESTION_ID_ATTRIBUTE}]` }],
  renderHTML: ({ HTMLAttributes }) => [
    'ins',
    mergeAttributes({ class: 'suggestion-insertion' }, HTMLAttributes),
    0,
  ],
});

/** Content proposed for removal (deleting in suggestion mode marks instead of removing). */
export const DeletionMark = Mark.create({
  name: SUGGESTION_MARK.deletion,
  inclusive: false,
  excludes: SUGGESTION_MARK_LIST,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: `del[${SUGGESTION_ID_ATTRIBUTE}]` }],
  renderHTML: ({ HTMLAttributes }) => [
    'del',
    mergeAttributes({ class: 'suggestion-deletion' }, HTMLAttributes),
    0,
  ],
});

/** A block whose type or attributes a suggestion changes (the library's `modification`). */
export const ModificationMark = Mark.create({
  name: SUGGESTION_MARK.modification,
  inclusive: false,
  excludes: `${SUGGESTION_MARK.insertion} ${SUGGESTION_MARK.deletion}`,
  addAttributes: () => ({
    ...idAttribute,
    type: { default: null, rendered: false },
    attrName: { default: null, rendered: false },
    previousValue: { default: null, rendered: false },
    newValue: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: `span[data-suggestion-modification]` }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(
      { class: 'suggestion-modification', 'data-suggestion-modification': '' },
      HTMLAttributes,
    ),
    0,
  ],
});
