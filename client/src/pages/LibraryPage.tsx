/** The public library at /library (no account needed); a later issue fills it in. */
import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';

/** Placeholder with the real layout, so links to the library already land somewhere sensible. */
export function LibraryPage() {
  const { t } = useTranslation();
  return (
    <Layout title={t('library.title')}>
      <section className="card narrow library-placeholder">
        <p className="eyebrow">{t('library.title')}</p>
        <h1>{t('library.comingSoon')}</h1>
        <p>{t('library.body')}</p>
      </section>
    </Layout>
  );
}
