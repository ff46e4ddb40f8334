/**
 * Suggestions in a ProseMirror document of the shared schema, as pure functions: settling
 * (accepting or rejecting) some of them, and listing them. The server uses them to accept or
 * reject through the live document, to check that a reviewer's update only adds suggestions
 * (`server/collab/suggestGuard.ts`: rejecting that reviewer's suggestions must give back the
 * document as it was), and to export the text without pending suggestions.
 *
 * The library behind the editor's suggestion mode marks text only (see `suggestionMarks.ts`)
 * and leaves zero-width spaces as markers where a suggestion crosses a block edge (a
 * paragraph split or join): such markers go when their suggestion is settled either way, and
 * a removed range that ends a block and a removed range of the same suggestion that starts the
 * next block are removed as one, which joins the two blocks again.
 */
import type { Mark, MarkType, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { SUGGESTION_MARK } from './suggestionMarks';

/** The library's block-edge marker character. */
export const SUGGESTION_MARKER = '\u200B';

/** Whether a suggestion id is one the caller is settling. */
export type SuggestionFilter = (id: string) => boolean;

/** One range of the document to remove, with the suggestion it belongs to. */
interface RemovedRange {
  from: number;
  to: number;
  id: string;
  /** Removed content (not a kept suggestion's marker): may join two blocks. */
  canJoinBlocks: boolean;
}

/** The suggestion marks of `doc`'s schema (they are in the shared schema). */
function suggestionTypes(doc: ProseMirrorNode): { insertion: MarkType; deletion: MarkType } {
  const { insertion, deletion } = doc.type.schema.marks;
  if (!insertion || !deletion) throw new Error('the schema has no suggestion marks');
  return { insertion, deletion };
}

/** The id of `mark` as a string (the library also allows numbers), or null. */
function idOf(mark: Mark): string | null {
  const id: unknown = mark.attrs.id;
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return String(id);
  return null;
}

/** `type`'s mark among `marks` when its id passes `filter`. */
function targetMark(
  marks: readonly Mark[],
  type: MarkType,
  filter: SuggestionFilter,
): { mark: Mark; id: string } | null {
  const mark = marks.find((candidate) => candidate.type === type);
  const id = mark ? idOf(mark) : null;
  return mark && id !== null && filter(id) ? { mark, id } : null;
}

/**
 * Whether only block edges lie between `from` and `to`: `from` ends a textblock, `to` starts
 * one, and no whole node sits between them.
 */
function isBlockEdgeOnly(doc: ProseMirrorNode, from: number, to: number): boolean {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (!$from.parent.isTextblock || $from.parentOffset !== $from.parent.content.size) return false;
  if (!$to.parent.isTextblock || $to.parentOffset !== 0) return false;
  let hasWholeNode = false;
  doc.nodesBetween(from, to, (_node, pos) => {
    if (pos >= from && pos + _node.nodeSize <= to) hasWholeNode = true;
    return !hasWholeNode;
  });
  return !hasWholeNode;
}

/** Sorted ranges merged where they touch, or where one suggestion crosses a block edge. */
function mergeRanges(doc: ProseMirrorNode, ranges: RemovedRange[]): RemovedRange[] {
  const merged: RemovedRange[] = [];
  for (const range of ranges.sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (
      last &&
      (range.from <= last.to ||
        (range.canJoinBlocks &&
          last.canJoinBlocks &&
          range.id === last.id &&
          isBlockEdgeOnly(doc, last.to, range.from)))
    ) {
      last.to = Math.max(last.to, range.to);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/**
 * `doc` with the suggestions `filter` picks settled: `accept` removes their deleted content and
 * keeps their inserted content (unmarked); `reject` removes their inserted content and keeps
 * their deleted content (unmarked). Markers of those suggestions go either way. Other
 * suggestions stay as they are.
 */
export function settleSuggestions(
  doc: ProseMirrorNode,
  outcome: 'accept' | 'reject',
  filter: SuggestionFilter,
): ProseMirrorNode {
  const { insertion, deletion } = suggestionTypes(doc);
  const removeType = outcome === 'accept' ? deletion : insertion;
  const keepType = outcome === 'accept' ? insertion : deletion;
  const ranges: RemovedRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const removed = targetMark(node.marks, removeType, filter);
    if (removed) {
      ranges.push({ from: pos, to: pos + node.nodeSize, id: removed.id, canJoinBlocks: true });
      return false;
    }
    const kept = targetMark(node.marks, keepType, filter);
    if (kept && node.isText) {
      const text = node.text ?? '';
      for (let at = text.indexOf(SUGGESTION_MARKER); at !== -1;) {
        ranges.push({ from: pos + at, to: pos + at + 1, id: kept.id, canJoinBlocks: false });
        at = text.indexOf(SUGGESTION_MARKER, at + 1);
      }
    }
    return false;
  });
  const transform = new Transform(doc);
  for (const range of mergeRanges(doc, ranges).reverse()) {
    transform.delete(range.from, range.to);
  }
  const unmarked: Array<{ from: number; to: number; mark: Mark }> = [];
  transform.doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const kept = targetMark(node.marks, keepType, filter);
    if (kept) unmarked.push({ from: pos, to: pos + node.nodeSize, mark: kept.mark });
    return false;
  });
  for (const { from, to, mark } of unmarked) transform.removeMark(from, to, mark);
  return transform.doc;
}

/** One suggestion as it stands in a document. */
export interface SuggestionInText {
  id: string;
  /** Position of its first character (document order). */
  from: number;
  /** The text it proposes to add (markers left out). */
  insertedText: string;
  /** The text it proposes to remove (markers left out). */
  deletedText: string;
}

/** Every suggestion in `doc`, in document order (the Map's order). */
export function locateSuggestions(doc: ProseMirrorNode): Map<string, SuggestionInText> {
  const located = new Map<string, SuggestionInText>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const text = (node.text ?? '').replaceAll(SUGGESTION_MARKER, '');
    for (const mark of node.marks) {
      const isInsertion = mark.type.name === SUGGESTION_MARK.insertion;
      if (!isInsertion && mark.type.name !== SUGGESTION_MARK.deletion) continue;
      const id = idOf(mark);
      if (id === null) continue;
      let entry = located.get(id);
      if (!entry) {
        entry = { id, from: pos, insertedText: '', deletedText: '' };
        located.set(id, entry);
      }
      if (isInsertion) entry.insertedText += text;
      else entry.deletedText += text;
    }
    return false;
  });
  return located;
}
