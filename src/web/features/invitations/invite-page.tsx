import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { invitationPreviewSchema } from '../../../shared/members/schema.js';
import { Alert } from '../../components/alert.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { api, isApiError, segment } from '../../lib/api.js';
import { usePageTitle } from '../../lib/page-title.js';
import { AcceptInvitationForm } from './accept-invitation-form.js';

export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export function InvitePage() {
  const { t } = useTranslation();
  usePageTitle(t('invite.title'));
  const { token } = useParams({ from: '/public/invite/$token' });
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/${segment(token)}`),
  });

  return (
    <div className="auth-card">
      <h1 className="auth-card__title">{t('invite.title')}</h1>
      {preview.isPending && <Loading label={t('invite.loadingInvite')} />}
      {preview.isError &&
        (isApiError(preview.error, 'token_invalid') || isApiError(preview.error, 'not_found') ? (
          <>
            <Alert tone="error">{t('invite.invalid')}</Alert>
            <p className="auth-card__links">
              <Link to="/login">{t('auth.backToLogin')}</Link>
            </p>
          </>
        ) : (
          <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
        ))}
      {preview.data && (
        <>
          <p className="invite__lead">{t('invite.lead', { orgName: preview.data.orgName })}</p>
          <dl className="summary-list">
            <div>
              <dt>{t('invite.email')}</dt>
              <dd>{preview.data.email}</dd>
            </div>
            <div>
              <dt>{t('invite.role')}</dt>
              <dd>{t(`roles.${preview.data.role}`)}</dd>
            </div>
            <div>
              <dt>{t('invite.expires')}</dt>
              <dd>
                <DateText value={preview.data.expiresAt} withTime />
              </dd>
            </div>
          </dl>
          <AcceptInvitationForm token={token} preview={preview.data} />
        </>
      )}
    </div>
  );
}
