/**
 * `/documents/:documentId`: the co-editing page (lazy-loaded: Tiptap and Yjs are heavy).
 * Loads the document and the caller's role, opens the live session, and lays out the
 * editor beside the details panel.
 */
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CommentsSidebar } from '../comments/CommentsSidebar';
import { useCommentsUi } from '../comments/useCommentsUi';
import { ErrorScreen } from '../components/ErrorScreen';
import { Skeleton } from '../components/Feedback';
import { Layout } from '../components/Layout';
import { PendingPage } from '../components/PendingPage';
import { useAnnounceDocument } from '../realtime/usePresence';
import { useCurrentUser } from '../session/SessionContext';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { CollabEditor } from './CollabEditor';
import { HistoryPanel } from '../versions/HistoryPanel';
import { DetailsPanel } from './DetailsPanel';
import { ExportMenu } from './ExportMenu';
import { useDocument, useRefreshDocumentAccess } from './queries';
import { useCollabSession } from './useCollabSession';
import { useWorkspace } from '../workspace/queries';
import '../styles/editor.css';
import '../styles/comments.css';

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
  useAnnounceDocument(documentId);
  const commentsUi = useCommentsUi();
  const [editor, setEditor] = useState<Editor | null>(null);

  if (loadedDocument.status !== 'ready') {
    return <PendingPage state={loadedDocument} skeletonLines={8} isWide />;
  }
  if (loadedWorkspace.status !== 'ready') {
    return <PendingPage state={loadedWorkspace} skeletonLines={8} isWide />;
  }
  const { document } = loadedDocument.data;
  const { workspace } = loadedWorkspace.data;

  let body;
  if (collab.session) {
    // Once open, the editor stays: a closed session is a banner inside it, never a blank page.
    body = (
      <CollabEditor
        documentId={documentId}
        session={collab.session}
        user={user}
        role={workspace.role}
        closedCode={collab.closedCode}
        onRetry={collab.retry}
        // Reviewers suggest (the server refuses anything else) until the text is locked.
        canSuggest={
          workspace.role === 'reviewer' &&
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
      <nav className="breadcrumbs" aria-label={t('editor.backTo', { name: workspace.name })}>
        <Link to={`/w/${workspace.id}`}>← {workspace.name}</Link>
      </nav>
      <div className="editor-heading">
        <h1 className="editor-title">{document.title}</h1>
        <ExportMenu documentId={document.id} />
      </div>
      <div className="editor-layout">
        <section className="editor-layout__main">{body}</section>
        <div className="editor-layout__side">
          <CommentsSidebar
            documentId={document.id}
            editor={editor}
            ui={commentsUi}
            canComment={document.abilities?.comment ?? false}
          />
          <SuggestionsPanel documentId={document.id} />
          <DetailsPanel key={document.id} document={document} />
          <HistoryPanel key={`history-${document.id}`} document={document} />
        </div>
      </div>
    </Layout>
  );
}
