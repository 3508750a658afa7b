import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Badge } from '../../components/badge.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { findMembership } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { PlanComments } from './plan-comments.js';
import { PlanContentView } from './plan-content-view.js';
import { PlanFollowups } from './plan-followups.js';
import { PlanFreezeActions } from './plan-freeze-actions.js';
import { planStatusTone } from './plan-labels.js';
import {
  facilitatedPlanQueryOptions,
  facilitatedPlansQueryKey,
  type PlanDetail,
  planApi,
  planQueryOptions,
  useRefreshPlan,
} from './plan-queries.js';
import { PlanVersions } from './plan-versions.js';
import './plans.css';

/** A plan in its organisation: the draft, freezing it, versions, follow-ups and comments. */
export function PlanPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { planId } = useParams({ from: '/authed/orgs/$orgId/plans/$planId' });
  const detail = useQuery(planQueryOptions(orgId, planId));
  const refresh = useRefreshPlan(orgId);
  const queryClient = useQueryClient();
  const plan = detail.data;
  const isEditable = Boolean(plan?.can.edit && plan.status !== 'final');
  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/plans" params={{ orgId }}>
          {t('plans.back')}
        </Link>
      </p>
      {detail.isPending && <Loading />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {plan && (
        <PlanBody
          plan={plan}
          linked
          actions={
            <>
              {isEditable && (
                <Link
                  to="/orgs/$orgId/plans/$planId/edit"
                  params={{ orgId, planId }}
                  className="button button--primary"
                >
                  {t('plans.page.edit')}
                </Link>
              )}
              {plan.versions > 0 && (
                <Link
                  to="/orgs/$orgId/plans/$planId/compare"
                  params={{ orgId, planId }}
                  search={{ from: plan.versions }}
                  className="button button--secondary"
                >
                  {t('plans.page.compare')}
                </Link>
              )}
            </>
          }
          freeze={isEditable ? <PlanFreezeActions plan={plan} /> : null}
          comments={
            <PlanComments
              key={plan.versions}
              plan={plan}
              send={(body, version) => planApi.comment(orgId, planId, body, version)}
              onSent={async () => {
                await queryClient.invalidateQueries({ queryKey: planQueryOptions(orgId, planId).queryKey });
                await refresh();
              }}
            />
          }
        />
      )}
    </>
  );
}

/** A plan shared with me as its facilitator, from any organisation I support: read and comment. */
export function FacilitatedPlanPage() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/authed/facilitated-plans/$planId' });
  const me = useMe();
  const detail = useQuery(facilitatedPlanQueryOptions(planId));
  const queryClient = useQueryClient();
  const plan = detail.data;
  return (
    <>
      {detail.isPending && <Loading />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {plan && (
        <>
          <p className="back-link">
            {/* A facilitator may support an organisation without being one of its members. */}
            {findMembership(me, plan.orgId) ? (
              <Link to="/orgs/$orgId/plans" params={{ orgId: plan.orgId }}>
                {t('plans.back')}
              </Link>
            ) : (
              <Link to="/">{t('errors.toHome')}</Link>
            )}
          </p>
          <PlanBody
            plan={plan}
            linked={false}
            orgLine
            comments={
              <PlanComments
                plan={plan}
                send={(body, version) => planApi.commentAsFacilitator(planId, body, version)}
                onSent={() => queryClient.invalidateQueries({ queryKey: facilitatedPlansQueryKey })}
              />
            }
          />
        </>
      )}
    </>
  );
}

function PlanBody({
  plan,
  linked,
  orgLine = false,
  actions,
  freeze,
  comments,
}: {
  plan: PlanDetail;
  /** Versions and follow-ups link to their own pages (members of the organisation). */
  linked: boolean;
  orgLine?: boolean;
  actions?: ReactNode;
  freeze?: ReactNode;
  comments: ReactNode;
}) {
  const { t } = useTranslation();
  const titleLang = useDataLang(plan.title);
  const whose = plan.ownerKind === 'team' ? (plan.teamName ?? '') : plan.owner.displayName;
  return (
    <>
      <PageHeader
        title={plan.title}
        titleLang={titleLang}
        lead={
          <>
            <Badge tone={planStatusTone[plan.status]}>{t(`plans.status.${plan.status}`)}</Badge>{' '}
            {t(`plans.whose.${plan.ownerKind}`)}
            {t('plans.colon')}
            <DataText>{whose}</DataText>
            {orgLine && (
              <>
                {t('plans.listSeparator')}
                <DataText>{plan.orgName}</DataText>
              </>
            )}
            {t('plans.listSeparator')}
            {t('plans.fields.visibility')}
            {t('plans.colon')}
            {t(`plans.visibility.${plan.visibility}`)}
            {plan.facilitator && <>{t('plans.page.facilitatorName', { name: plan.facilitator.displayName })}</>}
          </>
        }
        actions={actions}
      />
      {plan.status === 'final' && (
        <Alert tone="success" title={t('plans.readOnly.finalTitle')}>
          {t('plans.readOnly.finalBody')}
        </Alert>
      )}
      {plan.sourceWorkshop && (
        <p className="field__hint">
          {t('plans.page.fromWorkshop')}
          {t('plans.colon')}
          <DataText>{plan.sourceWorkshop.title}</DataText>
        </p>
      )}
      {plan.ownerKind === 'team' && plan.members.length > 0 && (
        <p>
          {t('plans.fields.members')}
          {t('plans.colon')}
          {plan.members.map((m) => m.displayName).join(t('plans.listSeparator'))}
        </p>
      )}
      <section className="section" aria-labelledby="plan-draft">
        <h2 id="plan-draft" className="section__title">
          {plan.status === 'final' ? t('plans.page.finalContent') : t('plans.page.draft')}
        </h2>
        <PlanContentView content={plan.draft} orgId={linked ? plan.orgId : null} headingLevel={3} />
      </section>
      {freeze}
      <PlanFollowups plan={plan} linked={linked} />
      <PlanVersions plan={plan} linked={linked} />
      {comments}
    </>
  );
}
