import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { useMe } from '../../lib/session.js';
import { facilitatedPlansQueryOptions, plansQueryOptions } from './plan-queries.js';
import { PlanTable } from './plan-table.js';
import './plans.css';

/**
 * アクションプラン: my plans (mine or my team's), the ones others share with me here, and for a
 * facilitator the plans shared with them across the organisations they support.
 */
export function PlansPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const me = useMe();
  const mine = useQuery(plansQueryOptions(orgId, 'mine'));
  const shared = useQuery(plansQueryOptions(orgId, 'shared'));
  const isFacilitator = me.memberships.some((m) => m.role === 'facilitator');
  const facilitated = useQuery({ ...facilitatedPlansQueryOptions, enabled: isFacilitator });
  // A plan shared with me as its facilitator is listed once, in the facilitator's section below.
  const facilitatedIds = new Set((facilitated.data?.plans ?? []).map((plan) => plan.id));
  const sharedPlans = (shared.data?.plans ?? []).filter((plan) => !facilitatedIds.has(plan.id));

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        lead={t('plans.list.lead')}
        actions={
          <Link to="/orgs/$orgId/plans/new" params={{ orgId }} className="button button--primary">
            {t('plans.list.new')}
          </Link>
        }
      />
      <section className="section" aria-labelledby="plans-mine">
        <h2 id="plans-mine" className="section__title">
          {t('plans.list.mine')}
        </h2>
        {mine.isPending && <Loading />}
        {mine.isError && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
        {mine.data && mine.data.plans.length === 0 && (
          <EmptyState
            action={
              <Link to="/orgs/$orgId/plan-drafts" params={{ orgId }}>
                {t('plans.list.toDrafts')}
              </Link>
            }
          >
            {t('plans.list.emptyMine')}
          </EmptyState>
        )}
        {mine.data && mine.data.plans.length > 0 && (
          <PlanTable caption={t('plans.list.mine')} plans={mine.data.plans} />
        )}
      </section>
      <section className="section" aria-labelledby="plans-shared">
        <h2 id="plans-shared" className="section__title">
          {t('plans.list.shared')}
        </h2>
        {shared.isPending && <Loading />}
        {shared.isError && <QueryError error={shared.error} onRetry={() => void shared.refetch()} />}
        {shared.data && sharedPlans.length === 0 && <p className="field__hint">{t('plans.list.emptyShared')}</p>}
        {shared.data && sharedPlans.length > 0 && <PlanTable caption={t('plans.list.shared')} plans={sharedPlans} />}
      </section>
      {isFacilitator && (
        <section className="section" aria-labelledby="plans-facilitated">
          <h2 id="plans-facilitated" className="section__title">
            {t('plans.list.facilitated')}
          </h2>
          <p className="field__hint">{t('plans.list.facilitatedLead')}</p>
          {facilitated.isPending && <Loading />}
          {facilitated.isError && <QueryError error={facilitated.error} onRetry={() => void facilitated.refetch()} />}
          {facilitated.data && facilitated.data.plans.length === 0 && (
            <p className="field__hint">{t('plans.list.emptyFacilitated')}</p>
          )}
          {facilitated.data && facilitated.data.plans.length > 0 && (
            <PlanTable caption={t('plans.list.facilitated')} plans={facilitated.data.plans} facilitated />
          )}
        </section>
      )}
    </>
  );
}
