import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mail } from '../../../shared/mail/schema.js';
import { Alert } from '../../components/alert.js';
import { Badge, type BadgeTone } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { DateText } from '../../components/date-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { api, segment } from '../../lib/api.js';
import { useOrgId } from '../../lib/org-context.js';
import { useErrorText } from '../../lib/problems.js';
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
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<{ mail: { delivery: 'smtp' | 'outbox' } }>('/api/health'),
    staleTime: 60_000,
  });
  const delivery = health.data?.mail.delivery;

  return (
    <>
      <PageHeader title={t('outbox.title')} lead={t('outbox.lead')} />
      {delivery && (
        <Alert tone={delivery === 'outbox' ? 'warning' : 'info'}>
          {t(delivery === 'outbox' ? 'outbox.keptNote' : 'outbox.smtpNote')}
        </Alert>
      )}
      {mails.isPending && <Loading />}
      {mails.isError && <QueryError error={mails.error} onRetry={() => void mails.refetch()} />}
      {mails.data?.length === 0 && <EmptyState>{t('outbox.empty')}</EmptyState>}
      {mails.data && mails.data.length > 0 && (
        <ul className="mail-list">
          {mails.data.map((mail) => (
            <MailItem key={mail.id} orgId={orgId} mail={mail} />
          ))}
        </ul>
      )}
    </>
  );
}

function MailItem({ orgId, mail }: { orgId: string; mail: Mail }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [open, setOpen] = useState(false);
  const reveal = useMutation({
    mutationFn: () => api.post<{ text: string }>(`/api/orgs/${segment(orgId)}/outbox/${segment(mail.id)}/reveal`, {}),
    onSuccess: () => setOpen(true),
  });
  const text = reveal.data?.text ?? mail.text;
  return (
    <li className="mail">
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
            <dt>{t(mail.status === 'pending' ? 'outbox.retrying' : 'outbox.error')}</dt>
            <dd>{mail.error}</dd>
          </div>
        )}
      </dl>
      {mail.hiddenLink && !reveal.data && (
        <div className="mail__link-note">
          {mail.revealable ? (
            <>
              <p>{t('outbox.revealNote')}</p>
              <Button
                size="sm"
                onClick={() => reveal.mutate()}
                disabled={reveal.isPending}
                aria-label={t('outbox.revealFor', { to: mail.to })}
              >
                {t('outbox.reveal')}
              </Button>
              {reveal.isError && <p className="field__error">{describe(reveal.error)}</p>}
            </>
          ) : (
            <p>{t(mail.status === 'failed' ? 'outbox.failedLink' : 'outbox.hiddenLink')}</p>
          )}
        </div>
      )}
      <details className="mail__body" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('outbox.showBody')}</summary>
        <LinkifiedText text={text} />
      </details>
    </li>
  );
}
