/** The dashboard's workspace cards and the "New workspace" form. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { WorkspaceDto } from '../../../shared/api/entities';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FormError } from '../components/ErrorScreen';
import { EmptyState } from '../components/Feedback';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';

/** Lists workspaces; creating one opens it. */
export function WorkspaceList({
  workspaces,
  onCreated,
}: {
  workspaces: WorkspaceDto[];
  onCreated: (workspace: WorkspaceDto) => void;
}) {
  const { t } = useTranslation();
  const [isCreating, setIsCreating] = useState(false);
  const newButton = (
    <button type="button" className="button button--primary" onClick={() => setIsCreating(true)}>
      {t('dashboard.newWorkspace')}
    </button>
  );
  return (
    <>
      <div className="section-header">
        <h2 id="workspaces-heading">{t('dashboard.workspaces')}</h2>
        {workspaces.length > 0 && newButton}
      </div>
      {workspaces.length === 0 ? (
        <EmptyState
          title={t('dashboard.noWorkspaces')}
          hint={t('dashboard.noWorkspacesHint')}
          action={newButton}
        />
      ) : (
        <ul className="workspace-grid">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <Link to={`/w/${workspace.id}`} className="workspace-card">
                <span className="workspace-card__name">{workspace.name}</span>
                {workspace.description && (
                  <span className="workspace-card__description">{workspace.description}</span>
                )}
                <span className="badge">
                  {t('dashboard.roleLabel', { role: t(`roles.${workspace.role}`) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        isOpen={isCreating}
        title={t('dashboard.newWorkspace')}
        onClose={() => setIsCreating(false)}
      >
        <NewWorkspaceForm
          onCreated={(workspace) => {
            setIsCreating(false);
            onCreated(workspace);
          }}
        />
      </Dialog>
    </>
  );
}

function NewWorkspaceForm({ onCreated }: { onCreated: (workspace: WorkspaceDto) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const form = useFormSubmit();

  const create = async () => {
    const { workspace } = await api.workspaces.create({
      name,
      description: description || undefined,
    });
    onCreated(workspace);
    navigate(`/w/${workspace.id}`);
  };

  return (
    <form className="form" onSubmit={form.handleSubmit(create)}>
      <TextField
        label={t('dashboard.workspaceName')}
        name="workspaceName"
        required
        maxLength={120}
        value={name}
        onValue={setName}
      />
      <label className="field">
        <span className="field__label">
          {t('dashboard.workspaceDescription')}{' '}
          <span className="muted">({t('common.optional')})</span>
        </span>
        <textarea
          rows={3}
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <FormError message={form.error} />
      <button type="submit" className="button button--primary" disabled={form.isBusy}>
        {t('dashboard.createWorkspace')}
      </button>
    </form>
  );
}
