import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { useOrgId } from '../../lib/org-context.js';
import { PlanContentView } from './plan-content-view.js';
import { PlanForm } from './plan-form.js';
import {
  contentFromPlan,
  contentInput,
  emptyContent,
  emptySettings,
  settingsFromPlan,
  settingsInput,
} from './plan-form-values.js';
import { planApi, planQueryOptions, useRefreshPlan } from './plan-queries.js';

/** 新しいプラン: a plan's first draft, saved and then opened on its own page. */
export function PlanNewPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const navigate = useNavigate();
  const notify = useToast();
  const refresh = useRefreshPlan(orgId);
  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/plans" params={{ orgId }}>
          {t('plans.back')}
        </Link>
      </p>
      <PageHeader title={t('plans.form.newTitle')} lead={t('plans.form.newLead')} />
      <PlanForm
        orgId={orgId}
        isNew
        initial={{ content: emptyContent(), settings: emptySettings() }}
        submitLabel={t('plans.form.create')}
        cancel={
          <Link to="/orgs/$orgId/plans" params={{ orgId }} className="button button--tertiary">
            {t('common.cancel')}
          </Link>
        }
        onSave={async (values) => {
          const created = await planApi.create(orgId, {
            ...settingsInput(values.settings),
            content: contentInput(values.content),
          });
          await refresh(created);
          notify(t('plans.form.created', { title: created.title }));
          await navigate({ to: '/orgs/$orgId/plans/$planId', params: { orgId, planId: created.id } });
        }}
      />
    </>
  );
}

/** プランを編集する: the draft and the settings; read-only, with the reason, once the plan is final. */
export function PlanEditPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { planId } = useParams({ from: '/authed/orgs/$orgId/plans/$planId/edit' });
  const navigate = useNavigate();
  const notify = useToast();
  const refresh = useRefreshPlan(orgId);
  const detail = useQuery({ ...planQueryOptions(orgId, planId), refetchOnWindowFocus: false });
  const plan = detail.data;
  const toPlan = (
    <Link to="/orgs/$orgId/plans/$planId" params={{ orgId, planId }} className="button button--tertiary">
      {t('common.cancel')}
    </Link>
  );
  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/plans/$planId" params={{ orgId, planId }}>
          {t('plans.backToPlan')}
        </Link>
      </p>
      <PageHeader title={t('plans.form.editTitle')} lead={plan?.title} />
      {detail.isPending && <Loading />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {plan && plan.status === 'final' && (
        <>
          <Alert tone="info" title={t('plans.readOnly.finalTitle')}>
            {t('plans.readOnly.finalBody')}
          </Alert>
          <PlanContentView content={plan.draft} orgId={orgId} />
        </>
      )}
      {plan && plan.status !== 'final' && !plan.can.edit && (
        <>
          <Alert tone="info" title={t('plans.readOnly.noRightTitle')}>
            {t('plans.readOnly.noRightBody')}
          </Alert>
          <PlanContentView content={plan.draft} orgId={orgId} />
        </>
      )}
      {plan && plan.status !== 'final' && plan.can.edit && (
        <PlanForm
          key={plan.updatedAt}
          orgId={orgId}
          isNew={false}
          keeperId={plan.owner.id}
          takenIds={plan.usedStepIds}
          scheduleFixed={plan.status !== 'draft'}
          initial={{ content: contentFromPlan(plan.draft), settings: settingsFromPlan(plan) }}
          submitLabel={t('plans.form.saveDraft')}
          cancel={toPlan}
          onSave={async (values) => {
            const { ownerKind: _fixed, ...settings } = settingsInput(values.settings);
            const updated = await planApi.update(orgId, planId, {
              ...settings,
              content: contentInput(values.content),
              baseUpdatedAt: plan.updatedAt,
            });
            await refresh(updated);
            notify(t('plans.form.saved', { title: updated.title }));
            await navigate({ to: '/orgs/$orgId/plans/$planId', params: { orgId, planId } });
          }}
        />
      )}
    </>
  );
}
