import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { isApiError } from '../../lib/api.js';
import { useOrgId } from '../../lib/org-context.js';
import { useErrorText } from '../../lib/problems.js';
import { roundApi, useRefreshRounds } from './round-queries.js';

/** Opening a round's link: join it (a cohort) or simply be let in, then go on to answer. */
export function RoundJoinPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const navigate = useNavigate();
  const describe = useErrorText();
  const refresh = useRefreshRounds(orgId);
  const { token = '' } = useSearch({ strict: false }) as { token?: string };
  const sent = useRef(false);

  const join = useMutation({
    mutationFn: () => roundApi.join(orgId, token),
    onSuccess: async ({ roundId }) => {
      await refresh();
      await navigate({ to: '/orgs/$orgId/rounds/$roundId/answer', params: { orgId, roundId }, replace: true });
    },
  });

  // Once per visit, also when React runs effects twice in development.
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    join.mutate();
  }, [token, join]);

  const invalid = !token || isApiError(join.error, 'token_invalid') || isApiError(join.error, 'validation');

  return (
    <>
      <PageHeader title={t('rounds.join.title')} />
      {!join.isError && token && <Loading label={t('rounds.join.joining')} />}
      {(invalid || join.isError) && (
        <Alert tone="error" title={invalid ? t('rounds.join.invalidTitle') : describe(join.error)}>
          <p>{invalid ? t('rounds.join.invalidBody') : t('rounds.join.failedBody')}</p>
          <p>
            <Link to="/orgs/$orgId/rounds" params={{ orgId }}>
              {t('rounds.join.toList')}
            </Link>
          </p>
        </Alert>
      )}
    </>
  );
}
