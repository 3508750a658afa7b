import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/plans/plan-schema.js';
import { Badge } from '../../components/badge.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { planStatusTone } from './plan-labels.js';

/**
 * Plans as a table (cards on phones): title, whose, status, versions, the next follow-up and the
 * steps past their day. Facilitated plans open on the facilitator's own page and name their organisation.
 */
export function PlanTable({
  caption,
  plans,
  facilitated = false,
}: {
  caption: string;
  plans: readonly PlanSummary[];
  facilitated?: boolean;
}) {
  const { t } = useTranslation();
  const columns: Column<PlanSummary>[] = [
    {
      key: 'title',
      header: t('plans.fields.title'),
      isRowHeader: true,
      render: (plan) =>
        facilitated ? (
          <Link to="/facilitated-plans/$planId" params={{ planId: plan.id }}>
            <DataText>{plan.title}</DataText>
          </Link>
        ) : (
          <Link to="/orgs/$orgId/plans/$planId" params={{ orgId: plan.orgId, planId: plan.id }}>
            <DataText>{plan.title}</DataText>
          </Link>
        ),
    },
    ...(facilitated
      ? [
          {
            key: 'org',
            header: t('plans.list.org'),
            render: (plan: PlanSummary) => <DataText>{plan.orgName}</DataText>,
          },
        ]
      : []),
    {
      key: 'owner',
      header: t('plans.list.owner'),
      render: (plan) =>
        plan.ownerKind === 'team' ? (
          <>
            <DataText>{plan.teamName ?? ''}</DataText>
            <span className="cell-sub">{t('plans.list.teamOf', { name: plan.owner.displayName })}</span>
          </>
        ) : (
          <DataText>{plan.owner.displayName}</DataText>
        ),
    },
    {
      key: 'status',
      header: t('plans.list.status'),
      render: (plan) => <Badge tone={planStatusTone[plan.status]}>{t(`plans.status.${plan.status}`)}</Badge>,
    },
    {
      key: 'versions',
      header: t('plans.list.versions'),
      align: 'end',
      render: (plan) =>
        plan.versions === 0 ? t('plans.none') : t('plans.list.versionCount', { count: plan.versions }),
    },
    {
      key: 'next',
      header: t('plans.list.nextFollowup'),
      render: (plan) => (plan.nextFollowupOn ? <DateText value={plan.nextFollowupOn} /> : t('common.notSet')),
    },
    {
      key: 'overdue',
      header: t('plans.list.overdue'),
      align: 'end',
      render: (plan) =>
        plan.overdueSteps > 0 ? (
          <Badge tone="warning">{t('plans.list.overdueCount', { count: plan.overdueSteps })}</Badge>
        ) : (
          t('plans.list.noOverdue')
        ),
    },
  ];
  return <DataTable caption={caption} rows={plans} columns={columns} rowKey={(plan) => plan.id} />;
}
