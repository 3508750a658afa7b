import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStats } from '../../../shared/cases/stats-schema.js';
import { DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { fiscalYearOf, formatFiscalYear, formatNumber } from '../../lib/format.js';
import type { Language } from '../../lib/i18n/language.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { useLanguage } from '../../lib/problems.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { BarChart } from './bar-chart.js';
import { caseStatsExportHref, caseStatsQueryOptions } from './case-stats-queries.js';
import { AwardsTable, BreakdownTables, EffectTotalsTable } from './case-stats-tables.js';
import { ColumnChart } from './column-chart.js';
import { CountTable } from './count-table.js';
import { SceneHeatMap } from './scene-heat-map.js';
import './case-stats.css';

/** The years to choose from: every year with cases and the five up to this one, newest first. */
function yearOptions(stats: CaseStats | undefined, chosen: number | undefined, language: Language) {
  const current = fiscalYearOf(new Date());
  const years = new Set<number>([...(stats?.yearsWithCases ?? [])]);
  for (let year = current; year > current - 5; year -= 1) years.add(year);
  if (chosen) years.add(chosen);
  if (stats) years.add(stats.fiscalYear);
  return [...years].sort((a, b) => b - a).map((year) => ({ year, label: formatFiscalYear(year, language) }));
}

// Three letters (Sep, not the en-GB Sept): twelve labels share a phone's width.
const monthNameOf = (month: number, language: Language) =>
  new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-US', { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );

/** 事例の統計: one fiscal year of the organisation's published cases, as figures, charts and tables. */
export function CaseStatsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgId = useOrgId();
  const membership = useMembership();
  const search = useSearch({ from: '/authed/orgs/$orgId/case-stats' });
  const navigate = useNavigate();
  const stats = useQuery(caseStatsQueryOptions(orgId, search.fiscalYear));
  const grid = useSceneGrid(orgId);
  const data = stats.data;
  const options = yearOptions(data, search.fiscalYear, language);
  const selected = search.fiscalYear ?? data?.fiscalYear;

  return (
    <article className="case-stats">
      <PageHeader title={t('caseStats.title')} lead={t('caseStats.lead')} />
      <p className="case-stats-scope">{t('caseStats.scope')}</p>
      <div className="case-stats-year">
        <SelectField
          label={t('caseStats.fiscalYear')}
          name="fiscalYear"
          value={selected ?? ''}
          onChange={(event) =>
            void navigate({
              to: '/orgs/$orgId/case-stats',
              params: { orgId },
              search: { fiscalYear: Number(event.target.value) },
              replace: true,
            })
          }
        >
          {selected === undefined && <option value="">{t('common.loading')}</option>}
          {options.map((option) => (
            <option key={option.year} value={option.year}>
              {option.label}
            </option>
          ))}
        </SelectField>
      </div>
      {stats.isPending && <Loading />}
      {stats.isError && <QueryError error={stats.error} onRetry={() => void stats.refetch()} />}
      {data && (
        <div aria-busy={stats.isPlaceholderData || undefined}>
          <YearStats orgId={orgId} orgName={membership.orgName} stats={data} language={language} grid={grid} />
        </div>
      )}
    </article>
  );
}

function YearStats({
  orgId,
  orgName,
  stats,
  language,
  grid,
}: {
  orgId: string;
  orgName: string;
  stats: CaseStats;
  language: Language;
  grid: ReturnType<typeof useSceneGrid>;
}) {
  const { t } = useTranslation();
  const yearLabel = formatFiscalYear(stats.fiscalYear, language);
  const number = (value: number) => formatNumber(value, language);
  const effect = (kind: 'hours_per_year' | 'yen_per_year') => stats.effects.find((e) => e.kind === kind)?.actual ?? 0;
  const { reporters, members } = stats.participation;
  const rate = members > 0 ? Math.round((reporters / members) * 1000) / 10 : null;
  const separator = t('caseStats.listSeparator');

  const months = stats.byMonth.map((m) => ({
    key: `${m.year}-${m.month}`,
    label: t('caseStats.byMonth.short', { month: m.month, monthName: monthNameOf(m.month, language) }),
    name: t('caseStats.byMonth.monthName', { year: m.year, month: m.month, monthName: monthNameOf(m.month, language) }),
    value: m.count,
  }));
  const departments = stats.byDepartment.map((d) => ({
    key: d.departmentId ?? `none:${d.departmentName ?? ''}`,
    label: d.departmentName ?? t('caseStats.byDepartment.none'),
    name: d.departmentName ?? t('caseStats.byDepartment.none'),
    value: d.count,
  }));
  const years = stats.trend.map((y) => ({
    key: String(y.fiscalYear),
    label: t('caseStats.trend.short', { year: y.fiscalYear }),
    value: y.count,
  }));
  const listed = (rows: { name: string; value: number }[]) =>
    rows.map((r) => `${r.name} ${t('caseStats.countValue', { count: r.value })}`).join(separator);

  return (
    <>
      <h2 className="case-stats-year-heading">{t('caseStats.yearHeading', { year: yearLabel })}</h2>
      {/* Which organisation, on screen and on paper, where the header's organisation switcher is not printed. */}
      <p className="case-stats-org">
        {t('caseStats.organisation')}
        <DataText>{orgName}</DataText>
      </p>
      <section className="case-stats-section" aria-labelledby="case-stats-headline">
        <h3 id="case-stats-headline" className="visually-hidden">
          {t('caseStats.headline.title')}
        </h3>
        <dl className="stats case-stats-figures">
          <Figure
            label={t('caseStats.headline.cases')}
            value={number(stats.totalCases)}
            unit={t('caseStats.headline.casesUnit')}
          />
          <Figure
            label={t('caseStats.headline.participation')}
            value={rate === null ? '—' : number(rate)}
            unit={rate === null ? '' : t('caseStats.headline.percent')}
            detail={
              members > 0
                ? t('caseStats.headline.participationDetail', { reporters, members })
                : t('caseStats.headline.participationNone')
            }
          />
          <Figure
            label={t('caseStats.headline.hours')}
            value={number(effect('hours_per_year'))}
            unit={t('caseStats.headline.hoursUnit')}
          />
          <Figure
            label={t('caseStats.headline.yen')}
            value={number(effect('yen_per_year'))}
            unit={t('caseStats.headline.yenUnit')}
          />
        </dl>
        {stats.totalCases === 0 && <p className="case-stats-note">{t('caseStats.empty')}</p>}
      </section>

      <StatsSection id="case-stats-months" title={t('caseStats.byMonth.title')}>
        <div className="case-stats-pair">
          <ColumnChart
            data={months}
            label={t('caseStats.byMonth.chart', { values: listed(months) })}
            axisNote={t('caseStats.byMonth.axis')}
          />
          <CountTable
            caption={t('caseStats.byMonth.title')}
            nameHeader={t('caseStats.byMonth.month')}
            countHeader={t('caseStats.count')}
            rows={months.map((m) => ({ key: m.key, name: m.name, count: m.value }))}
          />
        </div>
      </StatsSection>

      <StatsSection id="case-stats-departments" title={t('caseStats.byDepartment.title')}>
        {departments.length === 0 ? (
          <p className="case-stats-note">{t('caseStats.byDepartment.empty')}</p>
        ) : (
          <div className="case-stats-pair">
            <BarChart data={departments} label={t('caseStats.byDepartment.chart', { values: listed(departments) })} />
            <CountTable
              caption={t('caseStats.byDepartment.title')}
              nameHeader={t('caseStats.byDepartment.department')}
              countHeader={t('caseStats.count')}
              rows={departments.map((d) => ({ key: d.key, name: d.name, count: d.value, isData: true }))}
            />
          </div>
        )}
      </StatsSection>

      <StatsSection id="case-stats-scenes" title={t('caseStats.scenes.title')}>
        <p>{t('caseStats.scenes.lead')}</p>
        {grid.isPending && <Loading />}
        {grid.isError && <QueryError error={grid.error} onRetry={() => void grid.refetch()} />}
        {grid.data && <SceneHeatMap grid={grid.data} stats={stats} yearLabel={yearLabel} />}
      </StatsSection>

      <StatsSection id="case-stats-effects" title={t('caseStats.effects.title')}>
        <p>{t('caseStats.effects.lead')}</p>
        <EffectTotalsTable stats={stats} />
      </StatsSection>

      <StatsSection id="case-stats-breakdown" title={t('caseStats.breakdown.title')}>
        <BreakdownTables stats={stats} />
      </StatsSection>

      <StatsSection id="case-stats-awards" title={t('caseStats.awards.title')}>
        <AwardsTable orgId={orgId} stats={stats} />
      </StatsSection>

      <StatsSection id="case-stats-trend" title={t('caseStats.trend.title')}>
        <ColumnChart
          data={years}
          label={t('caseStats.trend.chart', {
            values: listed(
              stats.trend.map((y) => ({ name: formatFiscalYear(y.fiscalYear, language), value: y.count })),
            ),
          })}
          axisNote={t('caseStats.trend.axis')}
          emphasisKey={String(stats.fiscalYear)}
          narrow
        />
        <TrendTable stats={stats} language={language} />
      </StatsSection>

      <StatsSection id="case-stats-downloads" title={t('caseStats.downloads.title')} className="no-print">
        <p>{t('caseStats.downloads.lead')}</p>
        <p className="button-row">
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              className="button button--secondary button--sm"
              href={caseStatsExportHref(orgId, { fiscalYear: stats.fiscalYear, format, lang: language })}
              download
            >
              {t(`caseStats.downloads.${format}`)}
            </a>
          ))}
          <button type="button" className="button button--secondary button--sm" onClick={() => window.print()}>
            {t('caseStats.print')}
          </button>
        </p>
      </StatsSection>
    </>
  );
}

/** A titled panel of the statistics page; the heading names the section for assistive technology. */
function StatsSection({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={['panel case-stats-section', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <h3 id={id} className="panel__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** A headline figure: the number large, its unit small beside it so a long number never splits. */
function Figure({ label, value, unit, detail }: { label: string; value: string; unit: string; detail?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="stat__value">{value}</span>
        {unit && <span className="stat__unit">{unit}</span>}
        {detail && <span className="stat__detail">{detail}</span>}
      </dd>
    </div>
  );
}

function TrendTable({ stats, language }: { stats: CaseStats; language: Language }) {
  const { t } = useTranslation();
  const number = (value: number) => formatNumber(value, language);
  // The chosen year is in bold, as its column is in the chart.
  const strong = (y: CaseStats['trend'][number], text: string) =>
    y.fiscalYear === stats.fiscalYear ? <strong>{text}</strong> : text;
  return (
    <div className="case-stats-table-wrap">
      <DataTable
        caption={t('caseStats.trend.title')}
        rows={stats.trend}
        rowKey={(y) => String(y.fiscalYear)}
        columns={[
          {
            key: 'year',
            header: t('caseStats.trend.fiscalYear'),
            isRowHeader: true,
            render: (y) => strong(y, formatFiscalYear(y.fiscalYear, language)),
          },
          { key: 'cases', header: t('caseStats.trend.cases'), align: 'end', render: (y) => strong(y, number(y.count)) },
          {
            key: 'hours',
            header: t('caseStats.trend.hours'),
            align: 'end',
            render: (y) => strong(y, number(y.hoursPerYear)),
          },
          {
            key: 'yen',
            header: t('caseStats.trend.yen'),
            align: 'end',
            render: (y) => strong(y, number(y.yenPerYear)),
          },
        ]}
      />
    </div>
  );
}
