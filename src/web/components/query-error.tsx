import { useTranslation } from 'react-i18next';
import { useErrorText } from '../lib/problems.js';
import { Alert } from './alert.js';
import { Button } from './button.js';

/** What a failed load shows: the reason in plain words and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  return (
    <Alert tone="error">
      <p>{describe(error)}</p>
      {onRetry && (
        <p>
          <Button size="sm" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </p>
      )}
    </Alert>
  );
}
