import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LoginLock } from '../../../shared/members/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import { loginLocksQueryOptions, memberApi, useRefreshMembers } from './member-queries.js';

/**
 * Members whose account is locked after repeated failed logins, each with a button to let them in
 * again at once. Shown only when someone is locked; the lock also ends by itself.
 */
export function LoginLockList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshMembers(orgId);
  const locks = useQuery(loginLocksQueryOptions(orgId));
  const lift = useMutation({
    mutationFn: (lock: LoginLock) => memberApi.liftLoginLock(orgId, lock.membershipId),
    onSuccess: async (_result, lock) => {
      await refresh();
      notify(t('loginLocks.lifted', { name: lock.displayName }));
    },
  });
  if (!locks.data || locks.data.length === 0) return null;
  return (
    <section className="section" aria-labelledby="login-locks-title">
      <Alert tone="warning" title={<span id="login-locks-title">{t('loginLocks.title')}</span>}>
        <p>{t('loginLocks.lead')}</p>
        <ul className="lock-list">
          {locks.data.map((lock) => (
            <li key={lock.membershipId} className="button-row button-row--tight">
              <span>
                <DataText>{lock.displayName}</DataText> {t('loginLocks.until')}{' '}
                <DateText value={lock.lockedUntil} withTime />
              </span>
              <Button
                size="sm"
                onClick={() => lift.mutate(lock)}
                disabled={lift.isPending}
                aria-label={t('loginLocks.liftFor', { name: lock.displayName })}
              >
                {t('loginLocks.lift')}
              </Button>
            </li>
          ))}
        </ul>
        {lift.isError && <p className="field__error">{describe(lift.error)}</p>}
      </Alert>
    </section>
  );
}
