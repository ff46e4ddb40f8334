/**
 * The editor's side panel: title, kind, status and metadata (city, policy areas,
 * stakeholders), editable by owners and editors, and the workflow's status buttons.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDto } from '../../../shared/api/entities';
import {
  DOCUMENT_KINDS,
  POLICY_AREAS,
  STAKEHOLDER_TYPES,
  type DocumentKind,
  type DocumentStatus,
  type PolicyArea,
  type StakeholderType,
  type WorkspaceRole,
} from '../../../shared/domain';
import { api } from '../api/client';
import { describeError, FormError } from '../components/ErrorScreen';
import { CheckboxGroup } from '../workspace/CheckboxGroup';
import { StatusBadge } from '../workspace/StatusBadge';
import { useCities } from '../workspace/useCities';
import { allowedStatusMoves, canEditMetadata, canTrashDocument } from './permissions';
import { TrashButton } from './TrashButton';

/** Details of `document`; `onChange` receives the server's updated copy. */
export function DetailsPanel({
  document,
  role,
  userId,
  onChange,
}: {
  document: DocumentDto;
  role: WorkspaceRole;
  userId: string;
  onChange: (document: DocumentDto) => void;
}) {
  const { t } = useTranslation();
  const cities = useCities();
  const canEdit = canEditMetadata(role);
  const [title, setTitle] = useState(document.title);
  const [kind, setKind] = useState<DocumentKind>(document.kind);
  const [cityId, setCityId] = useState(document.cityId ?? '');
  const [policyAreas, setPolicyAreas] = useState<PolicyArea[]>(document.policyAreas);
  const [stakeholders, setStakeholders] = useState<StakeholderType[]>(document.stakeholders);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const moves = allowedStatusMoves({ role, status: document.status });

  const run = async (
    action: () => Promise<{ document: DocumentDto }>,
    doneMessage: string | null,
  ) => {
    setIsBusy(true);
    setError(null);
    setNotice(null);
    try {
      const { document: updated } = await action();
      onChange(updated);
      setNotice(doneMessage);
    } catch (actionError) {
      setError(describeError(t, actionError));
    } finally {
      setIsBusy(false);
    }
  };
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        api.documents.update({
          documentId: document.id,
          patch: { title, kind, cityId: cityId || null, policyAreas, stakeholders },
        }),
      t('editor.detailsSaved'),
    );
  };
  const onStatus = (status: DocumentStatus) =>
    void run(() => api.documents.setStatus({ documentId: document.id, status }), null);

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
      </dl>
      {moves.length > 0 && (
        <div className="details__status" role="group" aria-label={t('editor.statusActions')}>
          {moves.map((target) => (
            <button
              key={target}
              type="button"
              className="button button--small"
              disabled={isBusy}
              onClick={() => onStatus(target)}
            >
              {t(`editor.moveTo.${target}`)}
            </button>
          ))}
        </div>
      )}
      <form className="form" onSubmit={onSave}>
        <label className="field">
          <span className="field__label">{t('workspace.title')}</span>
          <input
            required
            maxLength={200}
            value={title}
            readOnly={!canEdit}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('workspace.kind')}</span>
          <select
            value={kind}
            disabled={!canEdit}
            onChange={(event) => setKind(event.target.value as DocumentKind)}
          >
            {DOCUMENT_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('workspace.city')}</span>
          <select
            value={cityId}
            disabled={!canEdit}
            onChange={(event) => setCityId(event.target.value)}
          >
            <option value="">{t('newDocument.noCity')}</option>
            {cities.map((city) => (
              <option key={city.id} value={city.id}>
                {city.name}
              </option>
            ))}
          </select>
        </label>
        <CheckboxGroup
          legend={t('newDocument.policyAreas')}
          options={POLICY_AREAS}
          selected={policyAreas}
          isDisabled={!canEdit}
          labelFor={(area) => t(`policyAreas.${area}`)}
          onChange={setPolicyAreas}
        />
        <CheckboxGroup
          legend={t('newDocument.stakeholders')}
          options={STAKEHOLDER_TYPES}
          selected={stakeholders}
          isDisabled={!canEdit}
          labelFor={(type) => t(`stakeholders.${type}`)}
          onChange={setStakeholders}
        />
        <FormError message={error} />
        {notice && (
          <p className="form-success" role="status">
            {notice}
          </p>
        )}
        {canEdit && (
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('editor.saveDetails')}
          </button>
        )}
      </form>
      {canTrashDocument({ role, userId, createdById: document.createdById }) && (
        <TrashButton document={document} />
      )}
    </aside>
  );
}
