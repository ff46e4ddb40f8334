/** Invites a person to the network (an account without a workspace) with a copyable link. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { CopyField } from '../components/CopyField';
import { describeError, FormError } from '../components/ErrorScreen';
import { invitationLink } from '../workspace/invitationLink';

/** The network invitation form. */
export function NetworkInvitePanel() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [invitation, setInvitation] = useState<InvitationDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setInvitation(null);
    try {
      const created = await api.admin.invite({ email });
      setInvitation(created.invitation);
      setEmail('');
    } catch (inviteError) {
      setError(describeError(t, inviteError));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="network-invite-heading">
      <h2 id="network-invite-heading">{t('admin.inviteTitle')}</h2>
      <p className="muted">{t('admin.inviteHint')}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <label className="field">
          <span className="field__label">{t('admin.inviteEmail')}</span>
          <input
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <FormError message={error} />
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {t('admin.sendInvite')}
        </button>
      </form>
      {invitation && (
        <div className="invitation-result" role="status">
          <p>{t('admin.inviteCreated', { email: invitation.email })}</p>
          <CopyField label={t('workspace.invitationLink')} value={invitationLink(invitation)} />
        </div>
      )}
    </section>
  );
}
