/** The "invitation created" box with the link to copy, after a workspace or network invite. */
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
      <CopyField label={t('workspace.invitationLink')} value={invitationLink(invitation)} />
    </div>
  );
}
