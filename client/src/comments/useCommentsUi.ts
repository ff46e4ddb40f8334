/**
 * What the editor and the comments sidebar share on one page: the active thread (clicked in
 * either place) and the selection the person chose to comment on (the draft).
 */
import type { Editor } from '@tiptap/react';
import { useCallback, useState } from 'react';
import { anchorFromSelection, type SelectionAnchor } from './selectionAnchor';

/** The shared state and the "Comment" action. */
export interface CommentsUi {
  activeThreadId: string | null;
  setActiveThreadId: (threadId: string | null) => void;
  draft: SelectionAnchor | null;
  setDraft: (draft: SelectionAnchor | null) => void;
  /** Starts a comment on the editor's selection; false when nothing is selected. */
  startComment: (editor: Editor) => boolean;
}

/** One page's comment state. */
export function useCommentsUi(): CommentsUi {
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);
  const [draft, setDraft] = useState<SelectionAnchor | null>(null);
  const startComment = useCallback((editor: Editor) => {
    const selection = anchorFromSelection(editor);
    if (!selection) return false;
    setDraft(selection);
    return true;
  }, []);
  return { activeThreadId, setActiveThreadId, draft, setDraft, startComment };
}
