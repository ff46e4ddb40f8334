/**
 * The "New document" form: title, kind, and for case studies the city; then opens the editor.
 * With a Word or Markdown file chosen, the document starts from that file instead of the
 * kind's template (and the title may stay empty: the file name is used).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DocumentDto, OrganizationDto } from '../../../shared/api/entities';
import { IMPORT_EXTENSIONS } from '../../../shared/api/exports';
import {
  DOCUMENT_KINDS,
  isDocumentLanguage,
  type DocumentKind,
  type DocumentLanguage,
  type PolicyArea,
  type StakeholderType,
} from '../../../shared/domain';
import { api } from '../api/client';
import { FormError } from '../components/ErrorScreen';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { documentLanguagesByName, languageName } from '../i18n/languageNames';
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
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const storeDocument = useStoreDocument();
  const form = useFormSubmit();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('guideline');
  const [cityId, setCityId] = useState('');
  const [policyAreas, setPolicyAreas] = useState<PolicyArea[]>([]);
  const [stakeholders, setStakeholders] = useState<StakeholderType[]>([]);
  // The person's interface language first: the template's headings and guidance follow it.
  const [language, setLanguage] = useState<DocumentLanguage>(() =>
    isDocumentLanguage(i18n.language) ? i18n.language : 'en',
  );
  const [file, setFile] = useState<File | null>(null);
  // The uploaded file is not kept unless the person asks (it may hold more than the text).
  const [keepOriginal, setKeepOriginal] = useState(false);
  const isCaseStudy = kind === 'case-study';
  const details = {
    cityId: isCaseStudy && cityId ? cityId : undefined,
    policyAreas,
    stakeholders,
    language,
  };

  /** An import takes the file and kind; the details chosen here follow as a metadata change. */
  const importFile = async (chosen: File): Promise<DocumentDto> => {
    const imported = await api.workspaces.importDocument({
      workspaceId,
      file: chosen,
      fields: {
        kind,
        ...(title.trim() ? { title } : {}),
        keepOriginal: keepOriginal ? 'true' : 'false',
      },
    });
    const hasDetails =
      details.cityId || policyAreas.length > 0 || stakeholders.length > 0 || language !== 'en';
    if (!hasDetails) return imported.document;
    const updated = await api.documents.update({
      documentId: imported.document.id,
      patch: details,
    });
    return updated.document;
  };

  const create = async () => {
    const document = file
      ? await importFile(file)
      : (
          await api.workspaces.createDocument({
            workspaceId,
            document: { title, kind, ...details },
          })
        ).document;
    // The editor opens from the cache, and the workspace list shows the new document.
    storeDocument(document);
    navigate(`/documents/${document.id}`);
  };

  return (
    <form className="form" onSubmit={form.handleSubmit(create, { staysBusyOnSuccess: true })}>
      <TextField
        label={t('newDocument.titleLabel')}
        name="title"
        required={!file}
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
      <SelectField
        label={t('newDocument.languageLabel')}
        name="language"
        value={language}
        options={documentLanguagesByName(i18n.language)}
        labelFor={(option) => languageName(option, i18n.language)}
        onValue={setLanguage}
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
      <label className="field">
        <span className="field__label">{t('newDocument.importLabel')}</span>
        <input
          type="file"
          name="file"
          accept={IMPORT_EXTENSIONS.join(',')}
          aria-describedby="import-hint"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <span className="field__hint" id="import-hint">
          {t('newDocument.importHint')}
        </span>
      </label>
      {file && (
        <label className="checkbox">
          <input
            type="checkbox"
            name="keepOriginal"
            checked={keepOriginal}
            onChange={(event) => setKeepOriginal(event.target.checked)}
          />
          {t('newDocument.keepOriginal')}
        </label>
      )}
      <FormError message={form.error} />
      <button type="submit" className="button button--primary" disabled={form.isBusy}>
        {file ? t('newDocument.import') : t('newDocument.create')}
      </button>
    </form>
  );
}
