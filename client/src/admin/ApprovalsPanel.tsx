/**
 * Invitations waiting for an admin: while registration is closed, a workspace owner's
 * invitation cannot create a new account until an admin approves it (or rejects it, which
 * revokes it). Approving does not add anyone anywhere: the person still has to use the link.
 */
import { useTranslation } from 'react-i18next';
import type { InvitationDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { ErrorScreen, FormError } from '../components/ErrorScreen';
import { Skeleton } from '../components/Feedback';
import { useFormSubmit } from '../components/useFormSubmit';
import { useNetworkInvitations } from './queries';

/** The approval queue with Approve / Reject per invitation. */
export function ApprovalsPanel() {
  const { t } = useTranslation();
  const pending = useNetworkInvitations();
  const actions = useFormSubmit();

  const drop = (invitation: InvitationDto) =>
    pending.setData((data) => ({
      invitations: data.invitations.filter((item) => item.id !== invitation.id),
    }));
  const approve = (invitation: InvitationDto) =>
    actions.run(async () => {
      await api.admin.approveInvitation(invitation.id);
      drop(invitation);
    });
  const reject = (invitation: InvitationDto) =>
    actions.run(async () => {
      await api.admin.revokeInvitation(invitation.id);
      drop(invitation);
    });

  const waiting =
    pending.status === 'ready'
      ? pending.data.invitations.filter((invitation) => invitation.awaitsApproval)
      : [];

  return (
    <section className="card" aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">{t('admin.approvalsTitle')}</h2>
      <p className="muted">{t('admin.approvalsHint')}</p>
      {pending.status === 'loading' && <Skeleton lines={2} />}
      {pending.status === 'error' && <ErrorScreen error={pending.error} onRetry={pending.reload} />}
      {pending.status === 'ready' && waiting.length === 0 && (
        <p className="muted">{t('admin.noApprovals')}</p>
      )}
      {waiting.length > 0 && (
        <ul className="plain-list">
          {waiting.map((invitation) => (
            <li key={invitation.id} className="member">
              <span className="member__who">
                {t('admin.invitedTo', {
                  email: invitation.email,
                  role: t(`roles.${invitation.role ?? 'viewer'}`),
                })}
              </span>
              <div className="member__controls">
                <button
                  type="button"
                  className="button button--primary button--small"
                  aria-label={t('admin.approveInvitation', { email: invitation.email })}
                  disabled={actions.isBusy}
                  onClick={() => void approve(invitation)}
                >
                  {t('admin.approve')}
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={t('admin.rejectInvitation', { email: invitation.email })}
                  disabled={actions.isBusy}
                  onClick={() => void reject(invitation)}
                >
                  {t('common.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <FormError message={actions.error} />
    </section>
  );
}
