import { Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.js';
import { isApiError } from '../lib/api.js';
import { usePageTitle } from '../lib/page-title.js';
import { ForbiddenError } from '../lib/permissions.js';
import { NotFoundPage } from './not-found-page.js';

/** What a person sees when a page fails: a plain explanation and a way on, never a stack trace. */
export function ErrorPage({ error, reset }: { error: unknown; reset?: () => void }) {
  const { t } = useTranslation();
  const router = useRouter();
  const forbidden = error instanceof ForbiddenError || isApiError(error, 'forbidden');
  const title = forbidden ? t('errors.forbiddenTitle') : t('errors.boundaryTitle');
  usePageTitle(title);
  if (isApiError(error, 'not_found')) return <NotFoundPage />;

  return (
    <section className="message-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{forbidden ? t('errors.forbiddenBody') : t('errors.boundaryBody')}</p>
      <div className="button-row">
        {!forbidden && (
          <Button
            variant="primary"
            onClick={() => {
              reset?.();
              void router.invalidate();
            }}
          >
            {t('common.retry')}
          </Button>
        )}
        <Link to="/" className="button button--secondary">
          {t('errors.toHome')}
        </Link>
      </div>
    </section>
  );
}
