/** A document's workflow status as a coloured pill (colour plus text, never colour alone). */
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '../../../shared/domain';

/** Shows one status. */
export function StatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${status}`}>{t(`statuses.${status}`)}</span>;
}
