import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <img className="brand__mark" src="/favicon.svg" alt="" width="28" height="28" />
      <span className="brand__name">{t('app.name')}</span>
    </span>
  );
}
