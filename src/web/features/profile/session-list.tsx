import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { sessionInfoSchema } from '../../../shared/auth/schema.js';
import { Badge } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { api } from '../../lib/api.js';
import { useLogout } from '../../lib/logout.js';
import { useErrorText } from '../../lib/problems.js';
import { describeUserAgent } from './user-agent.js';

type SessionInfo = z.infer<typeof sessionInfoSchema>;

export function SessionList() {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { logout, busy } = useLogout('/api/auth/logout-all');
  const sessions = useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: () => api.get<SessionInfo[]>('/api/auth/sessions'),
  });

  const logoutEverywhere = async () => {
    setError(null);
    try {
      const result = await logout();
      notify(t('profile.logoutAllDone', { count: result.ended ?? 0 }));
    } catch (failure) {
      setError(describe(failure));
    }
  };

  const columns: Column<SessionInfo>[] = [
    {
      key: 'device',
      header: t('profile.device'),
      isRowHeader: true,
      render: (s) => (
        <>
          {describeUserAgent(s.userAgent) ?? t('profile.unknownDevice')}
          {s.current && (
            <>
              {' '}
              <Badge tone="success">{t('profile.current')}</Badge>
            </>
          )}
        </>
      ),
    },
    { key: 'ip', header: t('profile.ip'), render: (s) => s.ip ?? t('common.notSet') },
    { key: 'created', header: t('profile.createdAt'), render: (s) => <DateText value={s.createdAt} withTime /> },
    { key: 'lastSeen', header: t('profile.lastSeenAt'), render: (s) => <DateText value={s.lastSeenAt} withTime /> },
  ];

  return (
    <>
      <p>{t('profile.sessionsLead')}</p>
      {sessions.isPending && <Loading minHeight={80} />}
      {sessions.isError && <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <DataTable caption={t('profile.sessionsTitle')} rows={sessions.data} columns={columns} rowKey={(s) => s.id} />
      )}
      <div className="button-row">
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t('profile.logoutAll')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('profile.logoutAllTitle')}
        body={t('profile.logoutAllBody')}
        confirmLabel={t('profile.logoutAll')}
        onConfirm={() => void logoutEverywhere()}
        onClose={() => setConfirming(false)}
        busy={busy}
        error={error}
      />
    </>
  );
}
