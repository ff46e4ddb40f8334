/**
 * "Add missing template sections": the server writes the kind's template sections the text
 * lacks into the live document, so they appear in this editor (and every other open one)
 * through the collab connection; this button only reports what was added.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { describeError, FormError } from '../components/ErrorScreen';
import { FormSuccess } from '../components/Feedback';

/** The button of the details panel, for people who may edit the text. */
export function TemplateSectionsButton({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onAdd = async () => {
    setIsBusy(true);
    setError(null);
    setResult(null);
    try {
      const { added } = await api.documents.addTemplateSections(documentId);
      setResult(
        added.length > 0
          ? t('editor.templateSectionsAdded', { headings: added.join(', ') })
          : t('editor.templateSectionsComplete'),
      );
    } catch (addError) {
      setError(describeError(t, addError));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="details__template">
      <FormError message={error} />
      <FormSuccess message={result} />
      <button
        type="button"
        className="button button--ghost"
        disabled={isBusy}
        onClick={() => void onAdd()}
      >
        {t('editor.addTemplateSections')}
      </button>
    </div>
  );
}
