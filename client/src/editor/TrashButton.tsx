/** Moves a document to the trash after confirmation, then returns to its workspace. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DocumentDto } from '../../../shared/api/entities';
import { TRASH_RETENTION_DAYS } from '../../../shared/domain';
import { api } from '../api/client';
import { describeError, FormError } from '../components/ErrorScreen';
import { useMarkDocumentListsStale } from './queries';

/** The "Move to trash" button of the details panel. */
export function TrashButton({ document }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markListsStale = useMarkDocumentListsStale();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const onTrash = async () => {
    const question = t('editor.confirmTrash', {
      title: document.title,
      days: TRASH_RETENTION_DAYS,
    });
    if (!window.confirm(question)) return;
    setIsBusy(true);
    setError(null);
    try {
      await api.documents.remove(document.id);
      markListsStale(document);
      navigate(`/w/${document.workspaceId}`, { replace: true });
    } catch (trashError) {
      setError(describeError(t, trashError));
      setIsBusy(false);
    }
  };

  return (
    <div className="details__danger">
      <FormError message={error} />
      <button
        type="button"
        className="button button--danger"
        disabled={isBusy}
        onClick={() => void onTrash()}
      >
        {t('editor.moveToTrash')}
      </button>
    </div>
  );
}
