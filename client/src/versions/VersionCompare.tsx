/**
 * The comparison view: each paragraph of the newer text, with words only in the older one
 * struck through (`<del>`) and words only in the newer one marked (`<ins>`).
 */
import { useTranslation } from 'react-i18next';
import type { VersionDto } from '../../../shared/api/versions';
import { ErrorScreen } from '../components/ErrorScreen';
import { useVersionCompare } from './queries';

/** Compares `version` with `compareWith` (`current` or another version's id). */
export function VersionCompare(props: {
  version: VersionDto;
  versions: VersionDto[];
  compareWith: string;
  onCompareWith: (compareWith: string) => void;
}) {
  const { t } = useTranslation();
  const compared = useVersionCompare(props.version.id, props.compareWith);
  const others = props.versions.filter((other) => other.id !== props.version.id);
  return (
    <div className="history__compare">
      <label className="field">
        <span>{t('history.compareWith')}</span>
        <select
          value={props.compareWith}
          onChange={(event) => props.onCompareWith(event.target.value)}
        >
          <option value="current">{t('history.currentText')}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.label}
            </option>
          ))}
        </select>
      </label>
      {compared.status === 'error' && (
        <ErrorScreen error={compared.error} onRetry={compared.reload} />
      )}
      {compared.status === 'loading' && <p>{t('history.loading')}</p>}
      {compared.status === 'ready' && (
        <div className="history__diff" data-testid="version-diff">
          {compared.data.paragraphs.map((paragraph, index) => (
            <p key={index} className={`history__paragraph history__paragraph--${paragraph.kind}`}>
              {paragraph.ops.map((op, opIndex) =>
                op.op === 'insert' ? (
                  <ins key={opIndex}>{op.text}</ins>
                ) : op.op === 'delete' ? (
                  <del key={opIndex}>{op.text}</del>
                ) : (
                  <span key={opIndex}>{op.text}</span>
                ),
              )}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
