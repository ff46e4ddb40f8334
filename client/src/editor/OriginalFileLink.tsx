/**
 * The details panel's "Original file" line: a download link to the Word or Markdown file the
 * document was imported from, shown only when the importer chose to keep it.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOriginalFile } from './queries';

/** Sizes as people read them: "820 KB", "1.4 MB". */
function readableSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** A `<dl>` row with the link, or nothing while loading, on error, or when none was kept. */
export function OriginalFileLink({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const original = useOriginalFile(documentId);
  const file = original.data?.original;
  if (!file) return null;
  return (
    <div>
      <dt>{t('editor.originalFile')}</dt>
      <dd>
        <a href={api.documents.originalUrl(documentId)} download data-testid="original-file-link">
          {file.name}
        </a>{' '}
        <span className="muted">({readableSize(file.size)})</span>
      </dd>
    </div>
  );
}
