/**
 * Comment anchors in the live document. A client sends a selection as two Yjs relative
 * positions (base64 `Y.encodeRelativePosition`, made in the `default` fragment); the server
 * resolves them with the same y-prosemirror helpers the editor binding uses and writes the
 * `comment` mark through that binding's own fragment update, so the Yjs attributes are
 * exactly what an editor would have written (overlapping marks included). Reading the marks
 * back gives each thread's text in document order, and tells which threads lost their text.
 */
import { Transform } from '@tiptap/pm/transform';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import {
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT, EDITOR_MARK } from '../../shared/editor/schema';
import { ConflictError, ValidationError } from '../errors';

/** A thread's quote is kept to this many characters (the text itself stays in the document). */
export const MAX_QUOTE_CHARS = 500;

/** The two ends of a selection, as the API carries them. */
export interface EncodedAnchor {
  start: string;
  end: string;
}

/** Decodes one end; anything that is not an encoded relative position is 400 `invalid_anchor`. */
function decodePosition(encoded: string, which: 'start' | 'end'): Y.RelativePosition {
  try {
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.length === 0) throw new Error('empty');
    const position = Y.decodeRelativePosition(new Uint8Array(bytes));
    // Decoding is lenient: a position naming no type and no item points nowhere at all.
    if (!position.type && !position.tname && !position.item) throw new Error('points nowhere');
    return position;
  } catch {
    throw new ValidationError(
      `anchor.${which} is not a Yjs relative position.`,
      undefined,
      'invalid_anchor',
    );
  }
}

/** Validates both ends' encoding before anything is stored (no document needed). */
export function assertDecodableAnchor(anchor: EncodedAnchor): void {
  decodePosition(anchor.start, 'start');
  decodePosition(anchor.end, 'end');
}

/** The visible text between two positions, one space per block break, capped. */
function quoteBetween(doc: ProseMirrorNode, from: number, to: number): string {
  return doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTE_CHARS);
}

type BindingMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/**
 * The ProseMirror position of a relative position, or null when it is not in the fragment.
 * y-tiptap refuses a position inside text that lands at the very start of the document (a
 * guard against a drag-and-drop misresolution in editors), so the first words of a document
 * could not be commented on; the Yjs resolution is exact here, so such a position is measured
 * back from the end of its text instead.
 */
function resolvePosition(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  position: Y.RelativePosition,
  mapping: BindingMapping,
): number | null {
  const direct = relativePositionToAbsolutePosition(ydoc, fragment, position, mapping);
  if (direct !== null) return direct;
  const decoded = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
  const text = decoded?.type;
  if (!decoded || !(text instanceof Y.XmlText) || !text._item) return null;
  const endOfText = new Y.RelativePosition(text._item.id, null, null);
  const end = relativePositionToAbsolutePosition(ydoc, fragment, endOfText, mapping);
  return end === null ? null : end - text.length + decoded.index;
}

/**
 * Puts the `comment` mark of `threadId` on the anchored range of `ydoc` (call it inside
 * `collab.change`, so the write is a live change) and answers the quoted text. A range that
 * no longer resolves is 409 `anchor_not_found`; an empty one (no text) is 400 `empty_range`.
 */
export function markAnchoredRange(input: {
  ydoc: Y.Doc;
  threadId: string;
  anchor: EncodedAnchor;
}): { quote: string } {
  const { ydoc } = input;
  const start = decodePosition(input.anchor.start, 'start');
  const end = decodePosition(input.anchor.end, 'end');
  const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
  const schema = getEditorSchema();
  const { doc, meta } = initProseMirrorDoc(fragment, schema);
  const resolve = (position: Y.RelativePosition): number | null =>
    resolvePosition(ydoc, fragment, position, meta.mapping);
  const startAt = resolve(start);
  const endAt = resolve(end);
  if (startAt === null || endAt === null) {
    throw new ConflictError('The selected text is no longer in the document.', 'anchor_not_found');
  }
  const from = Math.min(startAt, endAt);
  const to = Math.max(startAt, endAt);
  const quote = to > from ? quoteBetween(doc, from, to) : '';
  if (!quote)
    throw new ValidationError('Select some text to comment on.', undefined, 'empty_range');
  const mark = schema.marks[EDITOR_MARK.comment]!.create({ threadId: input.threadId });
  // Re-anchoring moves the thread: its mark leaves the old text (a no-op for a new thread).
  const marked = new Transform(doc)
    .removeMark(0, doc.content.size, mark)
    .addMark(from, to, mark).doc;
  updateYFragment(ydoc, fragment, marked, meta);
  return { quote };
}

/** Where a thread's mark is in the document. */
export interface LocatedThread {
  /** Position of the mark's first character (document order). */
  from: number;
  /** The text the mark covers now. */
  text: string;
}

/**
 * Every thread whose mark is still in `ydoc`, in document order (the Map's order), with the
 * text it covers now. A thread missing here lost its text: it is orphaned.
 */
export function locateThreads(ydoc: Y.Doc): Map<string, LocatedThread> {
  const doc = yXmlFragmentToProseMirrorRootNode(
    ydoc.getXmlFragment(EDITOR_FRAGMENT),
    getEditorSchema(),
  );
  const located = new Map<string, LocatedThread>();
  doc.descendants((node, position) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== EDITOR_MARK.comment) continue;
      const threadId: unknown = mark.attrs.threadId;
      if (typeof threadId !== 'string') continue;
      const seen = located.get(threadId);
      if (seen) seen.text += node.text ?? '';
      else located.set(threadId, { from: position, text: node.text ?? '' });
    }
    return false;
  });
  return located;
}

/** `locateThreads` of a document's full encoded state (`collab.encodeState`). */
export function locateThreadsInState(state: Uint8Array): Map<string, LocatedThread> {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return locateThreads(ydoc);
  } finally {
    ydoc.destroy();
  }
}
