/**
 * Loading skeletons and empty states, the two in-between states every list has, and the
 * success line a form shows after saving.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Grey placeholder lines while something loads; announced once to screen readers. */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('common.loading')}
      </span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton__line" style={{ width: `${90 - index * 12}%` }} />
      ))}
    </div>
  );
}

/** A friendly "nothing here yet" with an optional action. */
export function EmptyState({
  title,
  hint,
  action,
}: {
  title: string;
  hint?: string;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {hint && <p className="empty-state__hint">{hint}</p>}
      {action}
    </div>
  );
}

/** A confirmation line under a form (the counterpart of `FormError`), announced politely. */
export function FormSuccess({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-success" role="status">
      {message}
    </p>
  );
}
