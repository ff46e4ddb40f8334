/**
 * "Share": an owner gives one person this one document (editor, reviewer or viewer) without
 * making them a workspace member, sees who has access and how (workspace members by role,
 * direct shares, pending invitations), revokes a share, and sets the link reach. Without a
 * mail server the invitation link is shown for copying by hand.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto, InvitationDto } from '../../../shared/api/entities';
import type { DocumentAccessDto, ShareDto } from '../../../shared/api/shares';
import { LINK_ACCESS, SHARE_ROLES, type LinkAccess, type ShareRole } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorScreen, FormError } from '../components/ErrorScreen';
import { FormSuccess, Skeleton } from '../components/Feedback';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { useStoreDocument } from '../editor/queries';
import { InvitationResult } from '../workspace/InvitationResult';
import { useDocumentAccess } from './queries';

/** The editor header's Share button and its dialog (shown to owners: `abilities.share`). */
export function ShareButton({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  if (!document.abilities?.share) return null;
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setIsOpen(true)}>
        {t('share.button')}
      </button>
      <Dialog
        isOpen={isOpen}
        title={t('share.title', { title: document.title })}
        onClose={() => setIsOpen(false)}
      >
        <ShareDialogBody document={document} />
      </Dialog>
    </>
  );
}

function ShareDialogBody({ document }: { document: DocumentDto }) {
  const access = useDocumentAccess(document.id, { enabled: true });
  const actions = useFormSubmit();
  const upsertShare = (share: ShareDto) =>
    access.setData((data) => ({
      ...data,
      shares: [...data.shares.filter((s) => s.email !== share.email), share],
    }));
  const revoke = (share: ShareDto) =>
    actions.run(async () => {
      await api.documents.revokeShare({ documentId: document.id, shareId: share.id });
      access.setData((data) => ({
        ...data,
        shares: data.shares.filter((s) => s.id !== share.id),
      }));
    });

  return (
    <div className="share-dialog">
      <AddShareForm
        documentId={document.id}
        isMailDelivering={access.data?.isMailDelivering ?? false}
        onShare={upsertShare}
      />
      {access.status === 'loading' && <Skeleton />}
      {access.status === 'error' && <ErrorScreen error={access.error} onRetry={access.reload} />}
      {access.status === 'ready' && (
        <>
          <AccessList access={access.data} onRevoke={(share) => void revoke(share)} />
          <FormError message={actions.error} />
          <LinkReach
            document={document}
            linkAccess={access.data.linkAccess}
            onChanged={(linkAccess) => access.setData((data) => ({ ...data, linkAccess }))}
          />
        </>
      )}
    </div>
  );
}

function AddShareForm({
  documentId,
  isMailDelivering,
  onShare,
}: {
  documentId: string;
  isMailDelivering: boolean;
  onShare: (share: ShareDto) => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ShareRole>('reviewer');
  const [notice, setNotice] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InvitationDto | null>(null);
  const form = useFormSubmit();
  const share = async () => {
    setNotice(null);
    setInvitation(null);
    const answer = await api.documents.share({ documentId, email, role });
    onShare(answer.share);
    // No mail server: the link must be copied by hand (the answer carries it only then).
    if (answer.invitation?.link) setInvitation(answer.invitation);
    else
      setNotice(t(answer.mailed ? 'share.mailed' : 'share.shared', { email: answer.share.email }));
    setEmail('');
  };
  return (
    <form className="form" aria-labelledby="share-add-heading" onSubmit={form.handleSubmit(share)}>
      <h3 id="share-add-heading">{t('share.addHeading')}</h3>
      <div className="add-member__row">
        <TextField
          label={t('share.email')}
          type="email"
          name="shareEmail"
          required
          value={email}
          onValue={setEmail}
        />
        <SelectField
          label={t('share.role')}
          name="shareRole"
          value={role}
          options={SHARE_ROLES}
          labelFor={(option) => t(`roles.${option}`)}
          onValue={setRole}
        />
        <button type="submit" className="button button--primary" disabled={form.isBusy}>
          {t('share.submit')}
        </button>
      </div>
      {!isMailDelivering && <p className="muted">{t('share.noMail')}</p>}
      <FormError message={form.error} />
      <FormSuccess message={notice} />
      <InvitationResult
        invitation={invitation}
        message={(address) => t('share.invitationCreated', { email: address })}
      />
    </form>
  );
}

function AccessList({
  access,
  onRevoke,
}: {
  access: DocumentAccessDto;
  onRevoke: (share: ShareDto) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="share-list-heading">
      <h3 id="share-list-heading">{t('share.whoHasAccess')}</h3>
      <ul className="plain-list share-list">
        {access.shares.map((share) => (
          <li key={share.id} className="member">
            <span className="member__who">
              <span>{share.user?.name ?? share.email}</span>
              <span className="member__email">
                {share.status === 'pending'
                  ? t(share.awaitsApproval ? 'share.pendingApproval' : 'share.pending', {
                      email: share.email,
                    })
                  : t('share.direct', { email: share.email })}
              </span>
            </span>
            <span className="member__controls">
              <span>{t(`roles.${share.role}`)}</span>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t('share.revoke', { name: share.user?.name ?? share.email })}
                onClick={() => onRevoke(share)}
              >
                {t('share.revokeShort')}
              </button>
            </span>
          </li>
        ))}
        {access.members.map((member) => (
          <li key={member.user.id} className="member">
            <span className="member__who">
              <span>{member.user.name}</span>
              <span className="member__email">{t('share.viaWorkspace')}</span>
            </span>
            <span className="member__controls">{t(`roles.${member.role}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LinkReach({
  document,
  linkAccess,
  onChanged,
}: {
  document: DocumentDto;
  linkAccess: LinkAccess;
  onChanged: (linkAccess: LinkAccess) => void;
}) {
  const { t } = useTranslation();
  const storeDocument = useStoreDocument();
  const form = useFormSubmit();
  const [chosen, setChosen] = useState<LinkAccess | null>(null);
  const change = (next: LinkAccess) => {
    setChosen(next);
    return form.run(async () => {
      try {
        const { document: updated } = await api.documents.update({
          documentId: document.id,
          patch: { linkAccess: next },
        });
        storeDocument(updated);
        onChanged(updated.linkAccess);
      } finally {
        setChosen(null);
      }
    });
  };
  const current = chosen ?? linkAccess;
  return (
    <fieldset className="share-reach">
      <legend>{t('share.linkReach')}</legend>
      {LINK_ACCESS.map((option) => (
        <label key={option} className="share-reach__option">
          <input
            type="radio"
            name="linkAccess"
            value={option}
            checked={current === option}
            disabled={form.isBusy}
            onChange={() => void change(option)}
          />
          <span>
            <strong>{t(`share.reach.${option}`)}</strong>{' '}
            <span className="muted">{t(`share.reachHint.${option}`)}</span>
          </span>
        </label>
      ))}
      <FormError message={form.error} />
    </fieldset>
  );
}
