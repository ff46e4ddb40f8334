/**
 * `/documents/:documentId`: the co-editing page (lazy-loaded: Tiptap and Yjs are heavy).
 * Loads the document and the caller's role, opens the live session, and lays out the
 * editor beside the details panel.
 */
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DocumentDto } from '../../../shared/api/entities';
import type { WorkspaceRole } from '../../../shared/domain';
import { ApiError } from '../api/http';
import { CommentsSidebar } from '../comments/CommentsSidebar';
import { useCommentsUi } from '../comments/useCommentsUi';
import { ErrorScreen } from '../components/ErrorScreen';
import { Skeleton } from '../components/Feedback';
import { Layout } from '../components/Layout';
import { PendingPage } from '../components/PendingPage';
import { useStoredStateVector } from '../realtime/useDocStored';
import { useAnnounceDocument } from '../realtime/usePresence';
import { useCurrentUser } from '../session/SessionContext';
import { ShareButton } from '../sharing/ShareDialog';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { CollabEditor } from './CollabEditor';
import { HistoryPanel } from '../versions/HistoryPanel';
import { ReviewPanel } from '../reviews/ReviewPanel';
import { SessionBar } from '../reviews/SessionBar';
import { DetailsPanel } from './DetailsPanel';
import { ExportMenu } from './ExportMenu';
import { useDocument, useRefreshDocumentAccess } from './queries';
import { useCollabSession } from './useCollabSession';
import { useWorkspace } from '../workspace/queries';
import '../styles/editor.css';
import '../styles/comments.css';
import '../styles/reviews.css';

/** The role a reader outside the workspace acts with, as the document's abilities tell it. */
function roleFromAbilities(document: DocumentDto): WorkspaceRole {
  if (document.abilities?.edit || document.abilities?.editDetails) return 'editor';
  return document.abilities?.comment ? 'reviewer' : 'viewer';
}

/** The editor route (default export for `React.lazy`). */
export default function EditorPage() {
  const { t } = useTranslation();
  const { documentId = '' } = useParams();
  const user = useCurrentUser();
  const collab = useCollabSession({ documentId, userId: user.id });
  // The title and status stay live: `document:updated` refreshes this cached copy.
  const loadedDocument = useDocument(documentId);
  const workspaceId = loadedDocument.data?.document.workspaceId ?? '';
  const loadedWorkspace = useWorkspace(workspaceId, { enabled: workspaceId !== '' });
  // Write access changed while the page is open: load the role again, so the read-only banner
  // and the details panel describe the new role, not the one the page opened with.
  const accessChanges = collab.session?.accessChanges ?? 0;
  const refreshAccess = useRefreshDocumentAccess();
  useEffect(() => {
    if (accessChanges > 0) refreshAccess({ documentId, workspaceId });
  }, [accessChanges, documentId, workspaceId, refreshAccess]);
  // Listening before the page announces itself: the one `doc:stored` that answers
  // `presence:open` can arrive before the editor below has mounted (it waits for its token).
  const stored = useStoredStateVector(documentId);
  useAnnounceDocument(documentId);
  const commentsUi = useCommentsUi();
  const [editor, setEditor] = useState<Editor | null>(null);
  // Narrow screens hide the side column (comments, details, history) behind a toggle (CSS).
  const [isSideOpen, setIsSideOpen] = useState(false);

  if (loadedDocument.status !== 'ready') {
    return <PendingPage state={loadedDocument} skeletonLines={8} isWide />;
  }
  // Someone the document is shared with (or who reads it by its link) cannot see its
  // workspace: the page goes on without it (no breadcrumb; the role from the abilities).
  const isOutsideWorkspace =
    loadedWorkspace.status === 'error' && loadedWorkspace.error instanceof ApiError
      ? loadedWorkspace.error.status === 404
      : false;
  if (loadedWorkspace.status !== 'ready' && !isOutsideWorkspace) {
    return <PendingPage state={loadedWorkspace} skeletonLines={8} isWide />;
  }
  const { document } = loadedDocument.data;
  const workspace = loadedWorkspace.data?.workspace ?? null;

  let body;
  if (collab.session) {
    // Once open, the editor stays: a closed session is a banner inside it, never a blank page.
    body = (
      <CollabEditor
        language={document.language}
        session={collab.session}
        stored={stored}
        user={user}
        role={workspace?.role ?? roleFromAbilities(document)}
        closedCode={collab.closedCode}
        onRetry={collab.retry}
        // Those who comment but may not edit (reviewers, by role or share) suggest (the
        // server refuses anything else) until the text is locked.
        canSuggest={
          (document.abilities?.comment ?? false) &&
          !(document.abilities?.edit ?? false) &&
          document.status !== 'approved' &&
          document.status !== 'published'
        }
        comments={{
          ui: commentsUi,
          canComment: document.abilities?.comment ?? false,
          onEditor: setEditor,
        }}
      />
    );
  } else if (collab.error) {
    body = <ErrorScreen error={collab.error} onRetry={collab.retry} />;
  } else {
    body = <Skeleton lines={8} />;
  }

  return (
    <Layout isWide title={document.title}>
      {workspace && (
        <nav className="breadcrumbs" aria-label={t('editor.backTo', { name: workspace.name })}>
          <Link to={`/w/${workspace.id}`}>← {workspace.name}</Link>
        </nav>
      )}
      <div className="editor-heading">
        <h1 className="editor-title">{document.title}</h1>
        <ShareButton document={document} />
        <button
          type="button"
          className="button editor-side-toggle"
          aria-expanded={isSideOpen}
          aria-controls="editor-side"
          onClick={() => setIsSideOpen((isOpen) => !isOpen)}
        >
          {t('editor.sideToggle')}
        </button>
        <ExportMenu documentId={document.id} />
      </div>
      <div className="editor-layout">
        <section className="editor-layout__main">
          <SessionBar documentId={document.id} editor={editor} />
          {body}
        </section>
        <div
          id="editor-side"
          className={
            isSideOpen ? 'editor-layout__side editor-layout__side--open' : 'editor-layout__side'
          }
        >
          <CommentsSidebar
            documentId={document.id}
            editor={editor}
            ui={commentsUi}
            canComment={document.abilities?.comment ?? false}
          />
          <SuggestionsPanel
            documentId={document.id}
            editor={editor}
            comments={commentsUi}
            canComment={document.abilities?.comment ?? false}
          />
          <DetailsPanel key={document.id} document={document} />
          <ReviewPanel key={`reviews-${document.id}`} document={document} />
          <HistoryPanel key={`history-${document.id}`} document={document} />
        </div>
      </div>
    </Layout>
  );
}
