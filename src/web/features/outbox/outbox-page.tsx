import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Mail } from '../../../shared/mail/schema.js';
import { Alert } from '../../components/alert.js';
import { Badge, type BadgeTone } from '../../components/badge.js';
import { DateText } from '../../components/date-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { api, segment } from '../../lib/api.js';
import { useOrgId } from '../../lib/org-context.js';
import { LinkifiedText } from './linkified-text.js';

const statusTone: Record<Mail['status'], BadgeTone> = {
  stored: 'info',
  pending: 'warning',
  sent: 'success',
  failed: 'error',
};

export function OutboxPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const mails = useQuery({
    queryKey: ['orgs', orgId, 'outbox'],
    queryFn: () => api.get<Mail[]>(`/api/orgs/${segment(orgId)}/outbox`, { limit: 100 }),
  });

  return (
    <>
      <PageHeader title={t('outbox.title')} lead={t('outbox.lead')} />
      <Alert tone="info">{t('outbox.smtpNote')}</Alert>
      {mails.isPending && <Loading />}
      {mails.isError && <QueryError error={mails.error} onRetry={() => void mails.refetch()} />}
      {mails.data?.length === 0 && <EmptyState>{t('outbox.empty')}</EmptyState>}
      {mails.data && mails.data.length > 0 && (
        <ul className="mail-list">
          {mails.data.map((mail) => (
            <li key={mail.id} className="mail">
              <div className="mail__head">
                <h2 className="mail__subject">{mail.subject}</h2>
                <Badge tone={statusTone[mail.status]}>{t(`mailStatus.${mail.status}`)}</Badge>
              </div>
              <dl className="mail__meta">
                <div>
                  <dt>{t('outbox.to')}</dt>
                  <dd className="break-all">{mail.to}</dd>
                </div>
                <div>
                  <dt>{t('outbox.date')}</dt>
                  <dd>
                    <DateText value={mail.createdAt} withTime />
                  </dd>
                </div>
                {mail.sentAt && (
                  <div>
                    <dt>{t('outbox.sentAt')}</dt>
                    <dd>
                      <DateText value={mail.sentAt} withTime />
                    </dd>
                  </div>
                )}
                {mail.error && (
                  <div>
                    <dt>{t('outbox.error')}</dt>
                    <dd>{mail.error}</dd>
                  </div>
                )}
              </dl>
              <details className="mail__body">
                <summary>{t('outbox.showBody')}</summary>
                <LinkifiedText text={mail.text} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
