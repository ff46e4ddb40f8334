/**
 * Between the editor and the thread API: the current selection as the API's anchor (two Yjs
 * relative positions in the `default` fragment, made with the editor's own Yjs binding), and
 * where a thread's `comment` mark is in the editor now.
 */
import type { Editor } from '@tiptap/react';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { EDITOR_MARK } from '../../../shared/editor/schema';

/** A selection ready to be commented on. */
export interface SelectionAnchor {
  anchor: { start: string; end: string };
  quote: string;
}

interface SyncPluginState {
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] };
}

function encode(position: Y.RelativePosition): string {
  let binary = '';
  for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The selection's anchor and quoted text, or null when nothing (or only blank) is selected. */
export function anchorFromSelection(editor: Editor): SelectionAnchor | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim();
  if (!quote) return null;
  const sync = ySyncPluginKey.getState(editor.state) as SyncPluginState | undefined;
  if (!sync?.binding) return null;
  const { type, binding } = sync;
  return {
    anchor: {
      start: encode(absolutePositionToRelativePosition(from, type, binding.mapping)),
      end: encode(absolutePositionToRelativePosition(to, type, binding.mapping)),
    },
    quote: quote.length > 200 ? `${quote.slice(0, 200)}…` : quote,
  };
}

/** Where the mark of `threadId` is in the editor (first to last character), or null. */
export function threadRange(editor: Editor, threadId: string): { from: number; to: number } | null {
  let range: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, position) => {
    if (!node.isText) return true;
    const isMarked = node.marks.some(
      (mark) => mark.type.name === EDITOR_MARK.comment && mark.attrs.threadId === threadId,
    );
    if (isMarked) {
      const end = position + node.nodeSize;
      range = range ? { from: range.from, to: end } : { from: position, to: end };
    }
    return false;
  });
  return range;
}
