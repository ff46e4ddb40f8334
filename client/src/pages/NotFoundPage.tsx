/** The page for any unknown address. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Layout } from '../components/Layout';

/** 404 with a way back. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Layout title={t('common.notFoundTitle')}>
      <section className="card narrow">
        <h1>{t('common.notFoundTitle')}</h1>
        <p>{t('common.notFoundBody')}</p>
        <Link to="/" className="button button--primary">
          {t('common.backHome')}
        </Link>
      </section>
    </Layout>
  );
}
