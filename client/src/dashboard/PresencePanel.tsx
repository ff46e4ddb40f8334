/** "Working right now": everyone else who has a document open in one of your workspaces. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../components/Avatar';
import { EmptyState } from '../components/Feedback';
import type { PresenceByWorkspace } from '../realtime/usePresence';
import { useDocument } from '../editor/queries';

/** Live list of people and the documents they are in. */
export function PresencePanel({
  presence,
  currentUserId,
}: {
  presence: PresenceByWorkspace;
  currentUserId: string;
}) {
  const { t } = useTranslation();
  const entries = Object.values(presence).flatMap((documents) =>
    Object.entries(documents).flatMap(([documentId, users]) =>
      users.filter((user) => user.id !== currentUserId).map((user) => ({ user, documentId })),
    ),
  );
  return (
    <section className="card" aria-labelledby="presence-heading" aria-live="polite">
      <h2 id="presence-heading">{t('dashboard.presence')}</h2>
      {entries.length === 0 ? (
        <EmptyState title={t('dashboard.presenceEmpty')} />
      ) : (
        <ul className="plain-list" data-testid="presence-list">
          {entries.map(({ user, documentId }) => (
            <li key={`${user.id}:${documentId}`} className="presence-item">
              <Avatar id={user.id} name={user.name} />
              <span>
                {user.name} · <DocumentLink documentId={documentId} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A document's title as a link; rows naming the same document share one request (the cache). */
function DocumentLink({ documentId }: { documentId: string }) {
  const document = useDocument(documentId);
  const title = document.status === 'ready' ? document.data.document.title : '…';
  return <Link to={`/documents/${documentId}`}>{title}</Link>;
}
