/**
 * Tiptap bound to the shared Y.Doc: collaboration (Yjs undo, so undo only reverts your own
 * changes), named remote carets (published quietly, see quietAwareness.ts), tables, images
 * and links; plus the sync indicator, the read-only and closed-session banners and the
 * close-tab warning. It stays mounted when the server closes the session, so the person's
 * text never leaves the screen.
 */
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../shared/api/entities';
import type { WorkspaceRole } from '../../../shared/domain';
import { editorExtensions } from '../../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../../shared/editor/schema';
import {
  commentInteractions,
  createCommentHandlerBox,
  isCommentShortcut,
} from '../comments/commentInteractions';
import type { CommentsUi } from '../comments/useCommentsUi';
import { colorForUser } from '../components/Avatar';
import { ClosedSessionBanner } from './ClosedSessionBanner';
import { EditorTools } from './EditorTools';
import { LeaveBlockOnEscape } from './leaveBlockOnEscape';
import { closedSessionMessage } from './closedSession';
import { PresenceAvatars } from './PresenceAvatars';
import { quietCaretAwareness } from './quietAwareness';
import { isSuggesting, SuggestMode, toggleSuggesting } from './suggestMode';
import type { CollabSession } from './useCollabSession';
import { SectionGuidance } from './sectionGuidance';
import { useSyncState, type SyncState } from './useSyncState';

const SYNC_LABEL_KEYS: Record<SyncState, string> = {
  connecting: 'editor.connecting',
  saving: 'editor.saving',
  saved: 'editor.saved',
  offline: 'editor.offline',
};

/** The editing surface of one document. */
export function CollabEditor({
  session,
  stored,
  user,
  role,
  closedCode,
  onRetry,
  comments,
  language,
  canSuggest = false,
}: {
  /** The language the text is written in: its `lang`, for screen readers and hyphenation. */
  language: string;
  session: CollabSession;
  /** What storage holds of the document (`useStoredStateVector`, kept by the page). */
  stored: ReadonlyMap<number, number> | null;
  user: UserDto;
  role: WorkspaceRole;
  /** Why the server is not taking the session now (see closedSession.ts), or null. */
  closedCode: number | null;
  onRetry: () => void;
  /** Comments on this page: the shared state, whether the caller may comment, the editor out. */
  comments?: { ui: CommentsUi; canComment: boolean; onEditor: (editor: Editor | null) => void };
  /** Reviewers: the editor is open for suggestions only (the server refuses anything else). */
  canSuggest?: boolean;
}) {
  const { t } = useTranslation();
  const { ydoc, provider, localCopyClocks, canWrite } = session;
  const sync = useSyncState({ ydoc, provider, localCopyClocks, stored });
  // Edits made while the server is busy stay in the browser and sync later, as offline ones
  // do; after any other close they could not be saved, so the editor turns read-only.
  const isSessionUsable = closedCode === null || closedSessionMessage(closedCode).retriesByItself;
  const isWritable = canWrite && isSessionUsable;
  const isSuggestOnly = !canWrite && canSuggest && isSessionUsable;
  const [isSuggestingOn, setSuggestingOn] = useState(false);
  const caretAwareness = useMemo(() => quietCaretAwareness(provider.awareness), [provider]);
  useEffect(() => caretAwareness.dispose, [caretAwareness]);
  const [commentHint, setCommentHint] = useState(false);
  const canComment = comments?.canComment ?? false;
  // Read at the time of the key press or click, so the editor is not rebuilt when they change.
  const [commentBox] = useState(createCommentHandlerBox);
  const interactions = useMemo(() => commentInteractions(commentBox.handlers), [commentBox]);

  const editor = useEditor(
    {
      editable: isWritable || isSuggestOnly,
      // The shared content extensions (what a document may contain), then the browser-only ones.
      extensions: [
        ...editorExtensions(),
        Collaboration.configure({ document: ydoc, field: EDITOR_FRAGMENT }),
        CollaborationCaret.configure({
          // The caret extension only reads `provider.awareness`.
          provider: { awareness: caretAwareness.awareness },
          user: { id: user.id, name: user.name, color: colorForUser(user.id) },
        }),
        interactions,
        LeaveBlockOnEscape,
        SuggestMode.configure({ authorId: user.id, isAlwaysOn: isSuggestOnly }),
        SectionGuidance,
      ],
      editorProps: {
        attributes: {
          'aria-label': t('editor.content'),
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'prose',
        },
      },
    },
    [ydoc, caretAwareness],
  );

  useEffect(() => {
    editor?.setEditable(isWritable || isSuggestOnly);
    // A role lowered to reviewer while the page is open: from now on, only suggestions.
    if (editor && isSuggestOnly && !isSuggesting(editor)) toggleSuggesting(editor);
  }, [editor, isWritable, isSuggestOnly]);

  const startComment = (): void => {
    if (!editor || !comments || !canComment) return;
    setCommentHint(!comments.ui.startComment(editor));
  };
  useEffect(() => {
    commentBox.use({
      onCommentShortcut: startComment,
      onThreadClick: (threadId) => comments?.ui.setActiveThreadId(threadId),
    });
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      commentBox.handlers.onCommentShortcut();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commentBox]);
  const onEditor = comments?.onEditor;
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  // A layout effect: the warning goes in the same commit as the pill's "Saved", not in a
  // passive effect a frame later, when a tab closed on seeing "Saved" would still be asked.
  useLayoutEffect(() => {
    // Up until the server says the edits are stored, not merely sent.
    if (!sync.hasUnstoredEdits) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a return value to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sync.hasUnstoredEdits]);

  return (
    <div className="collab-editor">
      <div className="collab-editor__bar">
        {isWritable && editor ? <EditorTools editor={editor} /> : <span />}
        <div className="collab-editor__status">
          {isWritable && editor && (
            <button
              type="button"
              className={`button button--small${isSuggestingOn ? ' button--active' : ''}`}
              aria-pressed={isSuggestingOn}
              data-testid="suggest-toggle"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                toggleSuggesting(editor);
                setSuggestingOn(isSuggesting(editor));
              }}
            >
              {t('suggestions.suggesting')}
            </button>
          )}
          {canComment && (
            <button
              type="button"
              className="button button--small"
              title={t('comments.commentShortcut')}
              aria-keyshortcuts="Control+Alt+M"
              data-testid="comment-button"
              // Keep the text selection: pressing the button must not blur the editor.
              onMouseDown={(event) => event.preventDefault()}
              onClick={startComment}
            >
              {t('comments.comment')}
            </button>
          )}
          <PresenceAvatars provider={provider} currentUserId={user.id} />
          <span
            className={`sync sync--${sync.state}`}
            role="status"
            data-testid="sync-state"
            data-state={sync.state}
          >
            {t(SYNC_LABEL_KEYS[sync.state])}
          </span>
        </div>
      </div>
      {closedCode !== null && <ClosedSessionBanner code={closedCode} onRetry={onRetry} />}
      {commentHint && (
        <p className="banner banner--info" role="status">
          {t('comments.selectFirst')}
        </p>
      )}
      {!canWrite && (
        <p className="banner banner--info" role="note" data-testid="read-only-banner">
          {isSuggestOnly
            ? t('suggestions.reviewerSuggests')
            : role === 'reviewer'
              ? t('editor.readOnlyReviewer')
              : t('editor.readOnlyViewer')}
        </p>
      )}
      <div className="page-sheet">
        <div lang={language} className="editor__text">
          <EditorContent editor={editor} />
        </div>
        {editor && canComment && (
          <BubbleMenu editor={editor} className="bubble-menu">
            <button
              type="button"
              className="button button--small"
              onMouseDown={(event) => event.preventDefault()}
              onClick={startComment}
            >
              {t('comments.comment')}
            </button>
          </BubbleMenu>
        )}
      </div>
    </div>
  );
}
