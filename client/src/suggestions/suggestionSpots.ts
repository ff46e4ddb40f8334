/**
 * Where each suggestion stands in the editor, and which comment threads sit on its text: the
 * suggestion card's "Reply" selects that range and starts a comment there (the ordinary
 * comment thread, its `comment` mark written by the server over the suggested text), and the
 * card links the threads found on it.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EDITOR_MARK } from '../../../shared/editor/schema';
import { SUGGESTION_MARK } from '../../../shared/editor/suggestionMarks';

/** One suggestion's range (first to last character) and the threads on its text. */
export interface SuggestionSpot {
  from: number;
  to: number;
  threadIds: string[];
}

const isSuggestionMark = (name: string): boolean =>
  name === SUGGESTION_MARK.insertion || name === SUGGESTION_MARK.deletion;

/** Every suggestion of `doc` by id. */
export function suggestionSpots(doc: ProseMirrorNode): Record<string, SuggestionSpot> {
  const spots: Record<string, SuggestionSpot> = {};
  doc.descendants((node, position) => {
    if (!node.isText) return true;
    const threadIds = node.marks
      .filter((mark) => mark.type.name === EDITOR_MARK.comment)
      .map((mark) => String(mark.attrs.threadId));
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark.type.name) || mark.attrs.id == null) continue;
      const id = String(mark.attrs.id);
      const end = position + node.nodeSize;
      const spot = (spots[id] ??= { from: position, to: end, threadIds: [] });
      spot.to = end;
      for (const threadId of threadIds) {
        if (!spot.threadIds.includes(threadId)) spot.threadIds.push(threadId);
      }
    }
    return false;
  });
  return spots;
}
