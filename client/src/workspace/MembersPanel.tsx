/**
 * Member management for workspace owners: list, change role, remove, add by e-mail, and
 * see and revoke the pending invitations.
 * Adding answers with an invitation link to copy (the person accepts it signed in or
 * registers with it; the answer never says which), or, for a network admin adding an
 * existing account, with the membership.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationDto, MembershipDto } from '../../../shared/api/entities';
import { WORKSPACE_ROLES, type WorkspaceRole } from '../../../shared/domain';
import { api } from '../api/client';
import { Avatar } from '../components/Avatar';
import { ErrorScreen, FormError } from '../components/ErrorScreen';
import { FormSuccess, Skeleton } from '../components/Feedback';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { InvitationResult } from './InvitationResult';
import { PendingInvitations } from './PendingInvitations';
import { useMembers, useWorkspaceInvitations } from './queries';

/** The members of one workspace, editable by its owners. */
export function MembersPanel({
  workspaceId,
  currentUserId,
}: {
  workspaceId: string;
  currentUserId: string;
}) {
  const { t } = useTranslation();
  const members = useMembers(workspaceId);
  const invitations = useWorkspaceInvitations(workspaceId);
  const actions = useFormSubmit();

  const replace = (membership: MembershipDto) =>
    members.setData((data) => ({
      members: data.members.map((m) => (m.userId === membership.userId ? membership : m)),
    }));

  // The select shows the chosen role at once (from local state: the cache tells React a tick
  // later, and a controlled select fed from it alone jumps back meanwhile); the stored role once
  // the server answered or refused.
  const [pendingRoles, setPendingRoles] = useState<ReadonlyMap<string, WorkspaceRole>>(new Map());
  const setPendingRole = (userId: string, role: WorkspaceRole | null) =>
    setPendingRoles((previous) => {
      const next = new Map(previous);
      if (role) next.set(userId, role);
      else next.delete(userId);
      return next;
    });
  const changeRole = (member: MembershipDto, role: WorkspaceRole) => {
    setPendingRole(member.userId, role);
    return actions.run(async () => {
      try {
        const { membership } = await api.workspaces.changeRole({
          workspaceId,
          userId: member.userId,
          role,
        });
        replace(membership);
      } finally {
        setPendingRole(member.userId, null);
      }
    });
  };
  const remove = async (member: MembershipDto) => {
    if (!window.confirm(t('workspace.confirmRemove', { name: member.user.name }))) return;
    await actions.run(async () => {
      await api.workspaces.removeMember({ workspaceId, userId: member.userId });
      members.setData((data) => ({
        members: data.members.filter((m) => m.userId !== member.userId),
      }));
    });
  };

  return (
    <section className="card members" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('workspace.members')}</h2>
      {members.status === 'loading' && <Skeleton />}
      {members.status === 'error' && <ErrorScreen error={members.error} onRetry={members.reload} />}
      {members.status === 'ready' && (
        <ul className="plain-list">
          {members.data.members.map((member) => {
            const isSelf = member.userId === currentUserId;
            return (
              <li key={member.userId} className="member">
                <Avatar id={member.userId} name={member.user.name} />
                <span className="member__who">
                  <span>
                    {member.user.name}{' '}
                    {isSelf && <span className="muted">({t('workspace.you')})</span>}
                  </span>
                  <span className="member__email">{member.user.email}</span>
                </span>
                <div className="member__controls">
                  <select
                    aria-label={t('workspace.roleOf', { name: member.user.name })}
                    value={pendingRoles.get(member.userId) ?? member.role}
                    disabled={isSelf}
                    onChange={(event) =>
                      void changeRole(member, event.target.value as WorkspaceRole)
                    }
                  >
                    {WORKSPACE_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </select>
                  {!isSelf && (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('workspace.removeMember', { name: member.user.name })}
                      onClick={() => void remove(member)}
                    >
                      {t('common.remove')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <FormError message={actions.error} />
      <AddMemberForm
        workspaceId={workspaceId}
        onMember={(membership) =>
          members.setData((data) => ({
            members: [...data.members.filter((m) => m.userId !== membership.userId), membership],
          }))
        }
        onInvitation={(invitation) =>
          invitations.setData((data) => ({
            invitations: [invitation, ...data.invitations.filter((i) => i.id !== invitation.id)],
          }))
        }
      />
      <PendingInvitations workspaceId={workspaceId} invitations={invitations} />
    </section>
  );
}

function AddMemberForm({
  workspaceId,
  onMember,
  onInvitation,
}: {
  workspaceId: string;
  onMember: (membership: MembershipDto) => void;
  onInvitation: (invitation: InvitationDto) => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('editor');
  const [notice, setNotice] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InvitationDto | null>(null);
  const form = useFormSubmit();

  const add = async () => {
    setNotice(null);
    setInvitation(null);
    const result = await api.workspaces.addMember({ workspaceId, email, role });
    if ('membership' in result) {
      onMember(result.membership);
      setNotice(t('workspace.memberAdded', { name: result.membership.user.name }));
    } else {
      setInvitation(result.invitation);
      onInvitation(result.invitation);
    }
    setEmail('');
  };

  return (
    <form
      className="form add-member"
      aria-labelledby="add-member-heading"
      onSubmit={form.handleSubmit(add)}
    >
      <h3 id="add-member-heading">{t('workspace.addMember')}</h3>
      <div className="add-member__row">
        <TextField
          label={t('workspace.memberEmail')}
          type="email"
          name="memberEmail"
          required
          value={email}
          onValue={setEmail}
        />
        <SelectField
          label={t('workspace.memberRole')}
          name="memberRole"
          value={role}
          options={WORKSPACE_ROLES}
          labelFor={(option) => t(`roles.${option}`)}
          onValue={setRole}
        />
        <button type="submit" className="button button--primary" disabled={form.isBusy}>
          {t('workspace.add')}
        </button>
      </div>
      <FormError message={form.error} />
      <FormSuccess message={notice} />
      <InvitationResult
        invitation={invitation}
        message={(email) => t('workspace.invitationCreated', { email })}
      />
    </form>
  );
}
