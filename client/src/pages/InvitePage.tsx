/** /invite/:token: shows the invitation, then creates the invited person's account. */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { ErrorScreen } from '../components/ErrorScreen';
import { PendingPage } from '../components/PendingPage';
import { useResource } from '../session/useResource';
import { AuthCard } from './AuthCard';
import { NewAccountForm } from './NewAccountForm';

/** The accept-invitation screen. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useResource({ key: token, load: () => api.invitations.get(token) });

  if (invitation.status === 'loading') return <PendingPage state={invitation} />;
  if (invitation.status === 'error') {
    const isGone =
      invitation.error instanceof ApiError && [404, 410, 400].includes(invitation.error.status);
    return (
      <AuthCard title={t('auth.inviteTitle')}>
        {isGone ? (
          <p role="alert">{t('auth.inviteUnavailable')}</p>
        ) : (
          <ErrorScreen error={invitation.error} onRetry={invitation.reload} />
        )}
      </AuthCard>
    );
  }
  const { email, role, workspaceName } = invitation.data.invitation;
  const roleLabel = role ? t(`roles.${role}`) : t('roles.viewer');

  return (
    <AuthCard
      title={t('auth.inviteTitle')}
      intro={
        <>
          <p>
            {workspaceName
              ? t('auth.inviteIntroWorkspace', { workspace: workspaceName, role: roleLabel })
              : t('auth.inviteIntro', { role: roleLabel })}
          </p>
          <p className="muted">{t('auth.inviteFor', { email })}</p>
        </>
      }
    >
      <NewAccountForm submitLabel={t('auth.acceptInvite')} invitation={{ token, email }} />
    </AuthCard>
  );
}
