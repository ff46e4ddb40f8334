/**
 * "Export": download the document as Markdown, HTML, Word or PDF (plain links to the export
 * endpoint, so the browser's own download handling and the session cookie do the work), as
 * Word with its open comment threads and suggestions (Word comments and tracked changes: whoever
 * opens the editor reads the threads), or print it (the print stylesheet leaves the toolbar and
 * side panel off the paper).
 */
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../shared/api/exports';
import { api } from '../api/client';

/** The editor's export menu for `documentId`. */
export function ExportMenu({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  return (
    <details className="export-menu">
      <summary className="button button--small">{t('editor.export')}</summary>
      <ul className="export-menu__list">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={api.documents.exportUrl(documentId, format)} download>
              {t(`editor.exportAs.${format}`)}
            </a>
          </li>
        ))}
        <li>
          <a href={api.documents.exportUrl(documentId, 'docx', 'open')} download>
            {t('editor.exportAs.docxWithComments')}
          </a>
        </li>
        <li>
          <button type="button" className="export-menu__print" onClick={() => window.print()}>
            {t('editor.print')}
          </button>
        </li>
      </ul>
    </details>
  );
}
