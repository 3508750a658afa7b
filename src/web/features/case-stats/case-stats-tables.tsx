import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CaseStats } from '../../../shared/cases/stats-schema.js';
import { DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { formatNumber } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';
import { CountTable } from './count-table.js';

type Effect = CaseStats['effects'][number];

/** Each kind of effect with the cases that recorded it and its actual and target sums in its unit. */
export function EffectTotalsTable({ stats }: { stats: CaseStats }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const amount = (effect: Effect, value: number | null) => {
    if (effect.kind === 'other') return t('caseStats.effects.notSummed');
    if (value === null) return t('common.notSet');
    return t('caseStats.effects.amount', {
      value: formatNumber(value, language),
      unit: t(`cases.effectUnits.${effect.kind}`),
    });
  };
  return (
    <DataTable
      caption={t('caseStats.effects.title')}
      rows={stats.effects}
      rowKey={(e) => e.kind}
      columns={[
        {
          key: 'kind',
          header: t('caseStats.effects.kind'),
          isRowHeader: true,
          render: (e) => t(`cases.effectKinds.${e.kind}`),
        },
        {
          key: 'cases',
          header: t('caseStats.effects.cases'),
          align: 'end',
          render: (e) => t('caseStats.countValue', { count: e.cases }),
        },
        { key: 'actual', header: t('caseStats.effects.actual'), align: 'end', render: (e) => amount(e, e.actual) },
        { key: 'target', header: t('caseStats.effects.target'), align: 'end', render: (e) => amount(e, e.target) },
      ]}
    />
  );
}

/** Cases per policy field and per method, every value listed so a zero shows what nobody tried. */
export function BreakdownTables({ stats }: { stats: CaseStats }) {
  const { t } = useTranslation();
  const unset = t('caseStats.breakdown.unset');
  return (
    <div className="case-stats-pair case-stats-pair--even">
      <CountTable
        caption={t('caseStats.breakdown.policyField')}
        nameHeader={t('caseStats.breakdown.policyField')}
        countHeader={t('caseStats.count')}
        rows={stats.byPolicyField.map((f) => ({
          key: f.policyField ?? 'unset',
          name: f.policyField ? t(`cases.policyFields.${f.policyField}`) : unset,
          count: f.count,
        }))}
      />
      <CountTable
        caption={t('caseStats.breakdown.method')}
        nameHeader={t('caseStats.breakdown.method')}
        countHeader={t('caseStats.count')}
        rows={stats.byMethod.map((m) => ({
          key: m.method ?? 'unset',
          name: m.method ? t(`cases.methods.${m.method}`) : unset,
          count: m.count,
        }))}
      />
    </div>
  );
}

/** The year's awards, each linked to its case. */
export function AwardsTable({ orgId, stats }: { orgId: string; stats: CaseStats }) {
  const { t } = useTranslation();
  if (stats.awards.length === 0) return <p className="case-stats-note">{t('caseStats.awards.empty')}</p>;
  return (
    <DataTable
      caption={t('caseStats.awards.title')}
      rows={stats.awards}
      rowKey={(a) => `${a.caseId}:${a.name}`}
      columns={[
        {
          key: 'award',
          header: t('caseStats.awards.award'),
          isRowHeader: true,
          render: (a) => <DataText>{a.name}</DataText>,
        },
        {
          key: 'case',
          header: t('caseStats.awards.case'),
          render: (a) => (
            <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId: a.caseId }}>
              <DataText>{a.title}</DataText>
            </Link>
          ),
        },
        {
          key: 'department',
          header: t('caseStats.awards.department'),
          render: (a) => (a.departmentName ? <DataText>{a.departmentName}</DataText> : t('common.notSet')),
        },
      ]}
    />
  );
}
