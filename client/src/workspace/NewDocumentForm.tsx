/** The "New document" form: title, kind, and for case studies the city; then opens the editor. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OrganizationDto } from '../../../shared/api/entities';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type PolicyArea,
  type StakeholderType,
} from '../../../shared/domain';
import { api } from '../api/client';
import { FormError } from '../components/ErrorScreen';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useFormSubmit } from '../components/useFormSubmit';
import { useStoreDocument } from '../editor/queries';
import { CityPicker } from './CityPicker';
import { FacetCheckboxes } from './FacetCheckboxes';

/** Creates a document from its kind's template in `workspaceId`. */
export function NewDocumentForm({
  workspaceId,
  cities,
}: {
  workspaceId: string;
  cities: OrganizationDto[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const storeDocument = useStoreDocument();
  const form = useFormSubmit();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('guideline');
  const [cityId, setCityId] = useState('');
  const [policyAreas, setPolicyAreas] = useState<PolicyArea[]>([]);
  const [stakeholders, setStakeholders] = useState<StakeholderType[]>([]);
  const isCaseStudy = kind === 'case-study';

  const create = async () => {
    const { document } = await api.workspaces.createDocument({
      workspaceId,
      document: {
        title,
        kind,
        cityId: isCaseStudy && cityId ? cityId : undefined,
        policyAreas,
        stakeholders,
      },
    });
    // The editor opens from the cache, and the workspace list shows the new document.
    storeDocument(document);
    navigate(`/documents/${document.id}`);
  };

  return (
    <form className="form" onSubmit={form.handleSubmit(create, { staysBusyOnSuccess: true })}>
      <TextField
        label={t('newDocument.titleLabel')}
        name="title"
        required
        maxLength={200}
        value={title}
        onValue={setTitle}
      />
      <SelectField
        label={t('newDocument.kindLabel')}
        name="kind"
        value={kind}
        options={DOCUMENT_KINDS}
        labelFor={(option) => t(`kinds.${option}`)}
        onValue={setKind}
      />
      {isCaseStudy && (
        <CityPicker
          label={t('newDocument.cityLabel')}
          emptyLabel={t('newDocument.noCity')}
          name="city"
          cities={cities}
          value={cityId}
          onValue={setCityId}
        />
      )}
      <FacetCheckboxes
        policyAreas={policyAreas}
        stakeholders={stakeholders}
        onPolicyAreas={setPolicyAreas}
        onStakeholders={setStakeholders}
      />
      <FormError message={form.error} />
      <button type="submit" className="button button--primary" disabled={form.isBusy}>
        {t('newDocument.create')}
      </button>
    </form>
  );
}
