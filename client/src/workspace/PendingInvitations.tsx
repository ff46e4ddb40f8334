/**
 * The workspace's pending invitations, for its owners: who was invited with which role and
 * until when, each with a Revoke button (the link stops working at once). Invitations made
 * in the members panel join this list without a reload.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorScreen, FormError } from '../components/ErrorScreen';
import { EmptyState, Skeleton } from '../components/Feedback';
import { useFormSubmit } from '../components/useFormSubmit';
import type { useWorkspaceInvitations } from './queries';

/** The list; `invitations` is `useWorkspaceInvitations(workspaceId)` of the members panel. */
export function PendingInvitations({
  workspaceId,
  invitations,
}: {
  workspaceId: string;
  invitations: ReturnType<typeof useWorkspaceInvitations>;
}) {
  const { t, i18n } = useTranslation();
  const actions = useFormSubmit();
  const revoke = (invitationId: string) =>
    actions.run(async () => {
      await api.workspaces.revokeInvitation({ workspaceId, invitationId });
      invitations.setData((data) => ({
        invitations: data.invitations.filter((invitation) => invitation.id !== invitationId),
      }));
    });
  return (
    <section aria-labelledby="pending-invitations-heading">
      <h3 id="pending-invitations-heading">{t('workspace.pendingInvitations')}</h3>
      {invitations.status === 'loading' && <Skeleton lines={1} />}
      {invitations.status === 'error' && (
        <ErrorScreen error={invitations.error} onRetry={invitations.reload} />
      )}
      {invitations.status === 'ready' && invitations.data.invitations.length === 0 && (
        <EmptyState title={t('workspace.noPendingInvitations')} />
      )}
      {invitations.status === 'ready' && invitations.data.invitations.length > 0 && (
        <ul className="plain-list">
          {invitations.data.invitations.map((invitation) => (
            <li key={invitation.id} className="member">
              <span className="member__who">
                <span>{invitation.email}</span>
                <span className="member__email">
                  {t('workspace.invitedAs', {
                    role: t(`roles.${invitation.role ?? 'viewer'}`),
                    date: new Date(invitation.expiresAt).toLocaleDateString(i18n.language),
                  })}
                </span>
              </span>
              <span className="member__controls">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={t('workspace.revokeInvitation', { email: invitation.email })}
                  onClick={() => void revoke(invitation.id)}
                >
                  {t('workspace.revokeInvitationShort')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <FormError message={actions.error} />
    </section>
  );
}
