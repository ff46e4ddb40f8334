/**
 * The editor's side panel: title, kind, status and metadata (city, policy areas,
 * stakeholders), editable by owners and editors and saved as they type (no Save button), and
 * the workflow's status buttons. When someone else changed a field meanwhile, the panel shows
 * their value beside the draft and lets the person keep theirs or take the other.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedStatusMoves, NO_DOCUMENT_ABILITIES } from '../../../shared/api/abilities';
import type { DocumentDto } from '../../../shared/api/entities';
import { DOCUMENT_KINDS, type DocumentStatus } from '../../../shared/domain';
import { api } from '../api/client';
import { describeError, FormError } from '../components/ErrorScreen';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { PublishDialog } from '../reviews/PublishDialog';
import { CityPicker } from '../workspace/CityPicker';
import { FacetCheckboxes } from '../workspace/FacetCheckboxes';
import { StatusBadge } from '../workspace/StatusBadge';
import { useCities } from '../workspace/useCities';
import { DetailsConflicts } from './DetailsConflicts';
import { OriginalFileLink } from './OriginalFileLink';
import { useStoreDocument } from './queries';
import { documentLanguagesByName, languageName } from '../i18n/languageNames';
import { TemplateSectionsButton } from './TemplateSectionsButton';
import { TrashButton } from './TrashButton';
import { useDetailsAutosave } from './useDetailsAutosave';
import { useIsOnline } from '../offline/useIsOnline';

/**
 * Details of `document` (the cached copy, kept live by `document:updated`). What the panel
 * offers follows the document's `abilities`, as the server computed them for the caller.
 */
export function DetailsPanel({ document }: { document: DocumentDto }) {
  const { t, i18n } = useTranslation();
  const cities = useCities();
  const abilities = document.abilities ?? NO_DOCUMENT_ABILITIES;
  const canEdit = abilities.editDetails;
  const details = useDetailsAutosave(document, canEdit);
  const { draft, edit } = details;
  const storeDocument = useStoreDocument();
  const { error, isBusy, run } = useFormSubmit();
  const moves = allowedStatusMoves(abilities, document.status);
  // A status change is the server's decision (checks, notifications): not queued, disabled.
  const isOnline = useIsOnline();

  // Publishing puts this version in the public library: it is confirmed first.
  const [isConfirmingPublish, setIsConfirmingPublish] = useState(false);
  const onStatus = (status: DocumentStatus, note?: string) =>
    void run(async () => {
      const answer = await api.documents.setStatus({
        documentId: document.id,
        status,
        ...(note ? { note } : {}),
      });
      storeDocument(answer.document);
      setIsConfirmingPublish(false);
    });

  let saveText = t('editor.detailsSaved');
  let saveKey = 'saved';
  if (Object.keys(details.conflicts).length > 0) {
    saveText = t('editor.detailsConflict');
    saveKey = 'conflict';
  } else if (details.isHeldOffline) {
    saveText = t('editor.detailsHeldOffline');
    saveKey = 'offline';
  } else if (details.isSaving) {
    saveText = t('editor.detailsSaving');
    saveKey = 'saving';
  } else if (details.isPending) {
    saveText = t('editor.detailsUnsaved');
    saveKey = 'pending';
  }

  return (
    <aside className="details card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('editor.details')}</h2>
      <dl className="details__facts">
        <div>
          <dt>{t('workspace.status')}</dt>
          <dd data-testid="document-status">
            <StatusBadge status={document.status} />
          </dd>
        </div>
        <OriginalFileLink documentId={document.id} />
      </dl>
      {moves.length > 0 && (
        <div
          className="details__status"
          role="group"
          aria-label={t('editor.statusActions')}
          aria-describedby={isOnline ? undefined : 'details-status-offline'}
        >
          {moves.map((target) => (
            <button
              key={target}
              type="button"
              className="button button--small"
              disabled={isBusy || !isOnline}
              onClick={() =>
                target === 'published' ? setIsConfirmingPublish(true) : onStatus(target)
              }
            >
              {t(`editor.moveTo.${target}`)}
            </button>
          ))}
        </div>
      )}
      {moves.length > 0 && !isOnline && (
        <p
          id="details-status-offline"
          className="muted details__offline"
          data-testid="status-offline"
          role="status"
        >
          {t('editor.statusOffline')}
        </p>
      )}
      <FormError message={error} />
      <PublishDialog
        isOpen={isConfirmingPublish}
        title={document.title}
        isBusy={isBusy}
        onClose={() => setIsConfirmingPublish(false)}
        onPublish={(note) => onStatus('published', note)}
      />
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          details.flush();
        }}
        onBlur={details.flush}
      >
        {canEdit && (
          <p
            className="muted details__save"
            data-testid="details-save-state"
            data-state={saveKey}
            aria-live="polite"
          >
            {saveText}
          </p>
        )}
        <DetailsConflicts
          conflicts={details.conflicts}
          cities={cities}
          onResolve={details.resolve}
        />
        <TextField
          label={t('workspace.title')}
          required
          maxLength={200}
          value={draft.title}
          readOnly={!canEdit}
          onValue={(title) => edit({ title })}
        />
        <SelectField
          label={t('workspace.kind')}
          value={draft.kind}
          disabled={!canEdit}
          options={DOCUMENT_KINDS}
          labelFor={(option) => t(`kinds.${option}`)}
          onValue={(kind) => edit({ kind })}
        />
        <SelectField
          label={t('editor.language')}
          value={draft.language}
          disabled={!canEdit}
          options={documentLanguagesByName(i18n.language)}
          labelFor={(option) => languageName(option, i18n.language)}
          onValue={(language) => edit({ language })}
        />
        <CityPicker
          label={t('workspace.city')}
          emptyLabel={t('newDocument.noCity')}
          cities={cities}
          value={draft.cityId}
          isDisabled={!canEdit}
          onValue={(cityId) => edit({ cityId })}
        />
        <FacetCheckboxes
          policyAreas={draft.policyAreas}
          stakeholders={draft.stakeholders}
          isDisabled={!canEdit}
          onPolicyAreas={(policyAreas) => edit({ policyAreas })}
          onStakeholders={(stakeholders) => edit({ stakeholders })}
        />
        {canEdit && draft.title.trim() === '' && <FormError message={t('editor.titleRequired')} />}
        {details.error !== null && details.error !== undefined && (
          <FormError message={describeError(t, details.error)} />
        )}
      </form>
      {abilities.edit && <TemplateSectionsButton documentId={document.id} />}
      {abilities.trash && <TrashButton document={document} />}
    </aside>
  );
}
