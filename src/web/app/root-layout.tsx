import { Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from './error-page.js';
import { NotFoundPage } from './not-found-page.js';
import { PublicFrame } from './public-layout.js';

function focusMain() {
  const main = document.getElementById('main');
  main?.focus({ preventScroll: true });
}

/**
 * After a client-side navigation, focus moves to the main region so screen-reader users hear
 * the new page instead of staying on the link they used.
 */
function useFocusOnNavigation() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        // Next frame: the new page's main region may only now be in the document.
        if (event.fromLocation && event.pathChanged) requestAnimationFrame(focusMain);
      }),
    [router],
  );
}

export function RootLayout() {
  const { t } = useTranslation();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToMain')}
      </a>
      <Outlet />
    </>
  );
}

export function RootErrorPage({ error, reset }: { error: unknown; reset: () => void }) {
  return (
    <PublicFrame>
      <ErrorPage error={error} reset={reset} />
    </PublicFrame>
  );
}

export function RootNotFoundPage() {
  return (
    <PublicFrame>
      <NotFoundPage />
    </PublicFrame>
  );
}
