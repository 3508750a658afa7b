import { useTranslation } from 'react-i18next';

/** A loading note that keeps some height, so content does not jump when it arrives. */
export function Loading({ label, minHeight = 160 }: { label?: string; minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" style={{ minHeight }}>
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
