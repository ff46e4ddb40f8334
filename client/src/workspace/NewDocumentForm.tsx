/** The "New document" form: title, kind, and for case studies the city; then opens the editor. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OrganizationDto } from '../../../shared/api/entities';
import {
  DOCUMENT_KINDS,
  POLICY_AREAS,
  STAKEHOLDER_TYPES,
  type DocumentKind,
  type PolicyArea,
  type StakeholderType,
} from '../../../shared/domain';
import { api } from '../api/client';
import { describeError, FormError } from '../components/ErrorScreen';
import { CheckboxGroup } from './CheckboxGroup';

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
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('guideline');
  const [cityId, setCityId] = useState('');
  const [policyAreas, setPolicyAreas] = useState<PolicyArea[]>([]);
  const [stakeholders, setStakeholders] = useState<StakeholderType[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isCaseStudy = kind === 'case-study';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
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
      navigate(`/documents/${document.id}`);
    } catch (createError) {
      setError(describeError(t, createError));
      setIsBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)}>
      <label className="field">
        <span className="field__label">{t('newDocument.titleLabel')}</span>
        <input
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('newDocument.kindLabel')}</span>
        <select
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as DocumentKind)}
        >
          {DOCUMENT_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kinds.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {isCaseStudy && (
        <label className="field">
          <span className="field__label">{t('newDocument.cityLabel')}</span>
          <select name="city" value={cityId} onChange={(event) => setCityId(event.target.value)}>
            <option value="">{t('newDocument.noCity')}</option>
            {cities.map((city) => (
              <option key={city.id} value={city.id}>
                {city.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <CheckboxGroup
        legend={t('newDocument.policyAreas')}
        options={POLICY_AREAS}
        selected={policyAreas}
        labelFor={(area) => t(`policyAreas.${area}`)}
        onChange={setPolicyAreas}
      />
      <CheckboxGroup
        legend={t('newDocument.stakeholders')}
        options={STAKEHOLDER_TYPES}
        selected={stakeholders}
        labelFor={(type) => t(`stakeholders.${type}`)}
        onChange={setStakeholders}
      />
      <FormError message={error} />
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {t('newDocument.create')}
      </button>
    </form>
  );
}
