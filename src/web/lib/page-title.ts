import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Every page has its own title, so tabs, history and screen readers can tell pages apart. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} | ${suffix}` : suffix;
  }, [title, suffix]);
}
