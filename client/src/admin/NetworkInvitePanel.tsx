/** Invites a person to the network (an account without a workspace) with a copyable link. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { FormError } from '../components/ErrorScreen';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { InvitationResult } from '../workspace/InvitationResult';

/** The network invitation form. */
export function NetworkInvitePanel() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [invitation, setInvitation] = useState<InvitationDto | null>(null);
  const form = useFormSubmit();

  const invite = async () => {
    setInvitation(null);
    const created = await api.admin.invite({ email });
    setInvitation(created.invitation);
    setEmail('');
  };

  return (
    <section className="card" aria-labelledby="network-invite-heading">
      <h2 id="network-invite-heading">{t('admin.inviteTitle')}</h2>
      <p className="muted">{t('admin.inviteHint')}</p>
      <form className="form" onSubmit={form.handleSubmit(invite)}>
        <TextField
          label={t('admin.inviteEmail')}
          type="email"
          required
          value={email}
          onValue={setEmail}
        />
        <FormError message={form.error} />
        <button type="submit" className="button button--primary" disabled={form.isBusy}>
          {t('admin.sendInvite')}
        </button>
      </form>
      <InvitationResult
        invitation={invitation}
        message={(email) => t('admin.inviteCreated', { email })}
      />
    </section>
  );
}
