/**
 * Tiptap bound to the shared Y.Doc: collaboration (Yjs undo, so undo only reverts your own
 * changes), named remote carets (published quietly, see quietAwareness.ts), tables, images
 * and links; plus the sync indicator, the read-only and closed-session banners and the
 * close-tab warning. It stays mounted when the server closes the session, so the person's
 * text never leaves the screen.
 */
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../shared/api/entities';
import type { WorkspaceRole } from '../../../shared/domain';
import { editorExtensions } from '../../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../../shared/editor/schema';
import { colorForUser } from '../components/Avatar';
import { ClosedSessionBanner } from './ClosedSessionBanner';
import { closedSessionMessage } from './closedSession';
import { PresenceAvatars } from './PresenceAvatars';
import { quietCaretAwareness } from './quietAwareness';
import { Toolbar } from './Toolbar';
import type { CollabSession } from './useCollabSession';
import { useStoredStateVector } from '../realtime/useDocStored';
import { useSyncState, type SyncState } from './useSyncState';

const SYNC_LABEL_KEYS: Record<SyncState, string> = {
  connecting: 'editor.connecting',
  saving: 'editor.saving',
  saved: 'editor.saved',
  offline: 'editor.offline',
};

/** The editing surface of one document. */
export function CollabEditor({
  documentId,
  session,
  user,
  role,
  closedCode,
  onRetry,
}: {
  documentId: string;
  session: CollabSession;
  user: UserDto;
  role: WorkspaceRole;
  /** Why the server is not taking the session now (see closedSession.ts), or null. */
  closedCode: number | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const { ydoc, provider, local, canWrite } = session;
  const stored = useStoredStateVector(documentId);
  const sync = useSyncState({ ydoc, provider, local, stored });
  // Edits made while the server is busy stay in the browser and sync later, as offline ones
  // do; after any other close they could not be saved, so the editor turns read-only.
  const isWritable =
    canWrite && (closedCode === null || closedSessionMessage(closedCode).retriesByItself);
  const caretAwareness = useMemo(() => quietCaretAwareness(provider.awareness), [provider]);
  useEffect(() => caretAwareness.dispose, [caretAwareness]);

  const editor = useEditor(
    {
      editable: isWritable,
      // The shared content extensions (what a document may contain), then the browser-only ones.
      extensions: [
        ...editorExtensions(),
        Collaboration.configure({ document: ydoc, field: EDITOR_FRAGMENT }),
        CollaborationCaret.configure({
          // The caret extension only reads `provider.awareness`.
          provider: { awareness: caretAwareness.awareness },
          user: { id: user.id, name: user.name, color: colorForUser(user.id) },
        }),
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
    editor?.setEditable(isWritable);
  }, [editor, isWritable]);

  useEffect(() => {
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
        {isWritable && editor ? <Toolbar editor={editor} /> : <span />}
        <div className="collab-editor__status">
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
      {!canWrite && (
        <p className="banner banner--info" role="note" data-testid="read-only-banner">
          {role === 'reviewer' ? t('editor.readOnlyReviewer') : t('editor.readOnlyViewer')}
        </p>
      )}
      <div className="page-sheet">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
