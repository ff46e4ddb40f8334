/**
 * /invite/:token: shows the invitation. Someone signed in accepts it with one click (the
 * server checks it was sent to their e-mail); anyone else creates their account with it, or
 * signs in first and comes back here.
 */
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { UserDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { ErrorScreen, FormError } from '../components/ErrorScreen';
import { PendingPage } from '../components/PendingPage';
import { useFormSubmit } from '../components/useFormSubmit';
import { useSession } from '../session/SessionContext';
import { AuthCard } from './AuthCard';
import { NewAccountForm } from './NewAccountForm';
import { useInvitationPreview } from './queries';

/** The accept-invitation screen. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const invitation = useInvitationPreview(token);

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
  const { email, role, workspaceName, documentId, documentTitle, awaitsApproval } =
    invitation.data.invitation;
  const roleLabel = role ? t(`roles.${role}`) : t('roles.viewer');

  return (
    <AuthCard
      title={t('auth.inviteTitle')}
      intro={
        <>
          <p>
            {documentTitle
              ? t('auth.inviteIntroDocument', { document: documentTitle, role: roleLabel })
              : workspaceName
                ? t('auth.inviteIntroWorkspace', { workspace: workspaceName, role: roleLabel })
                : t('auth.inviteIntro', { role: roleLabel })}
          </p>
          <p className="muted">{t('auth.inviteFor', { email })}</p>
        </>
      }
    >
      {session.user ? (
        <AcceptSignedIn token={token} user={session.user} />
      ) : (
        <>
          {awaitsApproval && !session.isOpenRegistration && (
            <p role="note">{t('auth.inviteAwaitsApproval')}</p>
          )}
          <NewAccountForm
            submitLabel={t('auth.acceptInvite')}
            invitation={{ token, email }}
            {...(documentId ? { nextPath: `/documents/${documentId}` } : {})}
          />
          <p className="muted">
            {t('auth.inviteHaveAccount')}{' '}
            <Link to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
              {t('auth.inviteSignInFirst')}
            </Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}

/** One button: join with the account already signed in. */
function AcceptSignedIn({ token, user }: { token: string; user: UserDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormSubmit();
  const accept = async () => {
    const { workspaceId, documentId } = await api.invitations.accept(token);
    const target = documentId
      ? `/documents/${documentId}`
      : workspaceId
        ? `/w/${workspaceId}`
        : '/';
    navigate(target, { replace: true });
  };
  return (
    <form className="form" onSubmit={form.handleSubmit(accept)}>
      <p>{t('auth.inviteSignedInAs', { email: user.email })}</p>
      <FormError message={form.error} />
      <button type="submit" className="button button--primary" disabled={form.isBusy}>
        {t('auth.acceptInviteSignedIn')}
      </button>
    </form>
  );
}
