/**
 * The editor's side panel: title, kind, status and metadata (city, policy areas,
 * stakeholders), editable by owners and editors, and the workflow's status buttons.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedStatusMoves, NO_DOCUMENT_ABILITIES } from '../../../shared/api/abilities';
import type { DocumentDto } from '../../../shared/api/entities';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentStatus,
  type PolicyArea,
  type StakeholderType,
} from '../../../shared/domain';
import { api } from '../api/client';
import { FormError } from '../components/ErrorScreen';
import { FormSuccess } from '../components/Feedback';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { CityPicker } from '../workspace/CityPicker';
import { FacetCheckboxes } from '../workspace/FacetCheckboxes';
import { StatusBadge } from '../workspace/StatusBadge';
import { useCities } from '../workspace/useCities';
import { TrashButton } from './TrashButton';

/**
 * Details of `document`; `onChange` receives the server's updated copy. What the panel offers
 * follows the document's `abilities`, as the server computed them for the caller.
 */
export function DetailsPanel({
  document,
  onChange,
}: {
  document: DocumentDto;
  onChange: (document: DocumentDto) => void;
}) {
  const { t } = useTranslation();
  const cities = useCities();
  const abilities = document.abilities ?? NO_DOCUMENT_ABILITIES;
  const canEdit = abilities.editDetails;
  const [title, setTitle] = useState(document.title);
  const [kind, setKind] = useState<DocumentKind>(document.kind);
  const [cityId, setCityId] = useState(document.cityId ?? '');
  const [policyAreas, setPolicyAreas] = useState<PolicyArea[]>(document.policyAreas);
  const [stakeholders, setStakeholders] = useState<StakeholderType[]>(document.stakeholders);
  const [notice, setNotice] = useState<string | null>(null);
  const { error, isBusy, run } = useFormSubmit();
  const moves = allowedStatusMoves(abilities, document.status);

  const applyChange = (
    action: () => Promise<{ document: DocumentDto }>,
    doneMessage: string | null,
  ) =>
    run(async () => {
      setNotice(null);
      const { document: updated } = await action();
      onChange(updated);
      setNotice(doneMessage);
    });
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void applyChange(
      () =>
        api.documents.update({
          documentId: document.id,
          patch: { title, kind, cityId: cityId || null, policyAreas, stakeholders },
        }),
      t('editor.detailsSaved'),
    );
  };
  const onStatus = (status: DocumentStatus) =>
    void applyChange(() => api.documents.setStatus({ documentId: document.id, status }), null);

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
        <TextField
          label={t('workspace.title')}
          required
          maxLength={200}
          value={title}
          readOnly={!canEdit}
          onValue={setTitle}
        />
        <SelectField
          label={t('workspace.kind')}
          value={kind}
          disabled={!canEdit}
          options={DOCUMENT_KINDS}
          labelFor={(option) => t(`kinds.${option}`)}
          onValue={setKind}
        />
        <CityPicker
          label={t('workspace.city')}
          emptyLabel={t('newDocument.noCity')}
          cities={cities}
          value={cityId}
          isDisabled={!canEdit}
          onValue={setCityId}
        />
        <FacetCheckboxes
          policyAreas={policyAreas}
          stakeholders={stakeholders}
          isDisabled={!canEdit}
          onPolicyAreas={setPolicyAreas}
          onStakeholders={setStakeholders}
        />
        <FormError message={error} />
        <FormSuccess message={notice} />
        {canEdit && (
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('editor.saveDetails')}
          </button>
        )}
      </form>
      {abilities.trash && <TrashButton document={document} />}
    </aside>
  );
}
