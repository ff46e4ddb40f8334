/** /invite/:token: shows the invitation, then creates the invited person's account. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { describeError, ErrorScreen, FormError } from '../components/ErrorScreen';
import { Skeleton } from '../components/Feedback';
import { Layout } from '../components/Layout';
import { useSession } from '../session/SessionContext';
import { useResource } from '../session/useResource';
import { AccountFields } from './AccountFields';
import { AuthCard } from './AuthCard';

/** The accept-invitation screen. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const invitation = useResource({ key: token, load: () => api.invitations.get(token) });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  if (invitation.status === 'loading')
    return (
      <Layout>
        <Skeleton />
      </Layout>
    );
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

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const { user } = await api.auth.register({ name, email, password, inviteToken: token });
      session.setUser(user);
      navigate('/', { replace: true });
    } catch (registerError) {
      setError(describeError(t, registerError));
    } finally {
      setIsBusy(false);
    }
  };

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
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <AccountFields
          name={name}
          email={email}
          password={password}
          isEmailLocked
          onName={setName}
          onEmail={() => {}}
          onPassword={setPassword}
        />
        <FormError message={error} />
        <button type="submit" className="button button--primary button--block" disabled={isBusy}>
          {isBusy ? t('auth.creating') : t('auth.acceptInvite')}
        </button>
      </form>
    </AuthCard>
  );
}
