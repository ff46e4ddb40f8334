/**
 * Open suggestions (track changes) in exports. A suggestion is a mark in the shared text:
 * `insertion` on proposed new text, `deletion` on text proposed for removal, each with an
 * `id` naming its storage record (as `@handlewithcare/prosemirror-suggest-changes` names
 * them). Until someone accepts it, a suggestion is a proposal, not the document's text: plain
 * exports (Markdown, HTML, PDF, DOCX without review notes) and the public library show the
 * document as it stands, with every open suggestion rejected (`documentNodeFromState`). Only
 * a DOCX with review notes shows them, as Word's tracked changes (`exports/docxReview.ts`).
 */
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { SUGGESTION_MARK } from '../../shared/editor/suggestionMarks';
import { settleSuggestions, SUGGESTION_MARKER } from '../../shared/editor/suggestions';

/** Who proposed a change and when, as storage's suggestion record says. */
export interface SuggestionAuthor {
  authorName: string;
  createdAt: Date;
}

/** Finds the author of the suggestion with this id; undefined when no record is known. */
export type SuggestionAuthorLookup = (id: string) => SuggestionAuthor | undefined;

/** The suggestion a text node belongs to, if any: which kind and its record's id. */
export function suggestionOf(
  marks: readonly Mark[],
): { kind: 'insertion' | 'deletion'; id: string } | null {
  for (const mark of marks) {
    const name = mark.type.name;
    if (name === SUGGESTION_MARK.insertion || name === SUGGESTION_MARK.deletion) {
      const id: unknown = mark.attrs.id;
      return { kind: name, id: typeof id === 'number' || typeof id === 'string' ? String(id) : '' };
    }
  }
  return null;
}

/**
 * `doc` with every open suggestion rejected: proposed insertions left out, text proposed for
 * deletion kept as ordinary text. The same document when the schema has no suggestion marks.
 */
export function withoutOpenSuggestions(doc: ProseMirrorNode): ProseMirrorNode {
  const { marks } = doc.type.schema;
  if (!(SUGGESTION_MARK.insertion in marks) || !(SUGGESTION_MARK.deletion in marks)) return doc;
  return settleSuggestions(doc, 'reject', () => true);
}

/** A suggested run's text without the block-edge markers the suggestion library leaves in it. */
export function withoutSuggestionMarkers(text: string): string {
  return text.replaceAll(SUGGESTION_MARKER, '');
}
