/**
 * Last line of defence against a blank page: a rendering error (or a lazy chunk that fails
 * to download) shows what happened and a reload button instead of an empty screen.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function CrashScreen({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <main className="app-main">
      <section className="error-screen" role="alert">
        <h1>{t('common.errorTitle')}</h1>
        <p>{t('common.genericError', { message: error.message })}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          {t('common.reload')}
        </button>
      </section>
    </main>
  );
}

/** Catches render errors below it. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the browser console for whoever reports the problem.
    console.error('Render error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) return <CrashScreen error={this.state.error} />;
    return this.props.children;
  }
}
