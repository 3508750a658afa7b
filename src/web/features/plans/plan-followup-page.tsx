import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { useOrgId } from '../../lib/org-context.js';
import { FollowupForm } from './followup-form.js';
import { nextFollowup } from './plan-followups.js';
import { planApi, planQueryOptions, planVersionQueryOptions, useRefreshPlan } from './plan-queries.js';
import './plans.css';

/** フォローアップを記録する: what happened, the gap, each step's outcome and the revised plan. */
export function PlanFollowupPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { planId, followupId } = useParams({ from: '/authed/orgs/$orgId/plans/$planId/followups/$followupId' });
  const navigate = useNavigate();
  const notify = useToast();
  const refresh = useRefreshPlan(orgId);
  const detail = useQuery({ ...planQueryOptions(orgId, planId), refetchOnWindowFocus: false });
  const plan = detail.data;
  // Each step's outcome is about the version under review: the latest one.
  const latest = plan?.versions ?? 0;
  const reviewed = useQuery({ ...planVersionQueryOptions(orgId, planId, latest), enabled: latest > 0 });
  const followup = plan?.followups.find((f) => f.id === followupId);
  const isNext = plan && followup && nextFollowup(plan)?.id === followup.id;
  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/plans/$planId" params={{ orgId, planId }}>
          {t('plans.backToPlan')}
        </Link>
      </p>
      {detail.isPending && <Loading />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {plan && (
        <PageHeader
          title={t('plans.followup.title', {
            sequence: followup?.sequence ?? '',
            months: followup?.months ?? '',
          })}
          lead={plan.title}
        />
      )}
      {plan && !followup && <Alert tone="error">{t('plans.followup.unknown')}</Alert>}
      {plan && followup && plan.status === 'final' && (
        <Alert tone="info" title={t('plans.readOnly.finalTitle')}>
          {t('plans.followup.afterFinal')}
        </Alert>
      )}
      {plan && followup && plan.status !== 'final' && followup.status !== 'scheduled' && (
        <Alert tone="info">{t('plans.followup.alreadyDone')}</Alert>
      )}
      {plan && followup && plan.status !== 'final' && !plan.can.edit && (
        <Alert tone="info">{t('plans.readOnly.noRightBody')}</Alert>
      )}
      {reviewed.isError && <QueryError error={reviewed.error} onRetry={() => void reviewed.refetch()} />}
      {plan && followup && isNext && plan.can.edit && reviewed.data && (
        <>
          <p>
            {t('plans.followups.dueOn')}
            {t('plans.colon')}
            <DateText value={followup.dueOn} />
          </p>
          <p className="field__hint">{t('plans.followup.lead', { number: plan.versions + 1 })}</p>
          <FollowupForm
            orgId={orgId}
            plan={plan}
            reviewedSteps={reviewed.data.content.steps}
            cancel={
              <Link to="/orgs/$orgId/plans/$planId" params={{ orgId, planId }} className="button button--tertiary">
                {t('common.cancel')}
              </Link>
            }
            onSave={async (input) => {
              const updated = await planApi.recordFollowup(orgId, planId, followupId, {
                ...input,
                baseUpdatedAt: plan.updatedAt,
              });
              await refresh(updated);
              notify(t('plans.followup.saved', { number: updated.versions }));
              await navigate({ to: '/orgs/$orgId/plans/$planId', params: { orgId, planId } });
            }}
          />
        </>
      )}
    </>
  );
}
