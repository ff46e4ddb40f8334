/**
 * The "invitation created" box after a workspace or network invite: whether the server
 * e-mailed the link or it must be passed on by hand (no SMTP_URL), and the link to copy.
 */
import { useTranslation } from 'react-i18next';
import type { InvitationDto } from '../../../shared/api/entities';
import { CopyField } from '../components/CopyField';
import { invitationLink } from './invitationLink';

/** Nothing until there is an `invitation`; `message` words it for the invited address. */
export function InvitationResult({
  invitation,
  message,
}: {
  invitation: InvitationDto | null;
  message: (email: string) => string;
}) {
  const { t } = useTranslation();
  if (!invitation) return null;
  return (
    <div className="invitation-result" role="status">
      <p>{message(invitation.email)}</p>
      {invitation.awaitsApproval && <p className="muted">{t('workspace.awaitsApproval')}</p>}
      <p>
        {invitation.isEmailed
          ? t('workspace.invitationEmailed', { email: invitation.email })
          : t('workspace.invitationNotEmailed', { email: invitation.email })}
      </p>
      <CopyField label={t('workspace.invitationLink')} value={invitationLink(invitation)} />
    </div>
  );
}
