import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/page-title.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <section className="message-page" aria-labelledby="not-found-title">
      <p className="message-page__code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-title">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundBody')}</p>
      <div className="button-row">
        <Link to="/" className="button button--primary">
          {t('errors.toHome')}
        </Link>
      </div>
    </section>
  );
}
