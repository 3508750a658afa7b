import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataText, useDataLang } from '../../components/data-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { useLanguage } from '../../lib/problems.js';
import { sheetTemplatesQueryOptions } from '../sheets/sheet-queries.js';
import { TrendLine, type TrendPoint } from './charts/trend-line.js';
import { formatRoundMonth } from './results-format.js';
import { unitTrendQueryOptions } from './results-queries.js';
import { UnitTrendTable } from './unit-trend-table.js';
import type { WithheldReason } from './withheld-note.js';
import './results.css';

/** Why a round of the trend is not shown; the trend does not carry each round's threshold, so no number. */
function trendWithheldText(t: TFunction, reason: WithheldReason): string {
  if (reason === 'protects_others') return t('results.withheldProtectsNoK');
  if (reason === 'round_open') return t('results.withheldRoundOpen');
  return t('results.withheldBelowNoK');
}

/** One unit's own results over the rounds of one sheet; never set beside other units. */
export function UnitTrendPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgId = useOrgId();
  const { departmentId = '' } = useParams({ strict: false });
  const { templateId } = useSearch({ from: '/authed/orgs/$orgId/departments/$departmentId/trend' });
  const navigate = useNavigate();
  // The results page that led here, when there was one; the address alone leads back to the rounds.
  const fromRoundId = useLocation({ select: (location) => location.state.fromRoundId });
  const templates = useQuery(sheetTemplatesQueryOptions(orgId));
  const trend = useQuery(unitTrendQueryOptions(orgId, departmentId, templateId));
  const data = trend.data;
  const itemLang = useDataLang(data?.items[0]?.title);
  const title = data ? t('results.trendTitle', { name: data.departmentName }) : t('results.trendTitleGeneric');

  return (
    <article className="unit-trend">
      <p className="back-link">
        {fromRoundId ? (
          <Link to="/orgs/$orgId/rounds/$roundId/results" params={{ orgId, roundId: fromRoundId }}>
            {t('results.backToResults')}
          </Link>
        ) : (
          <Link to="/orgs/$orgId/rounds" params={{ orgId }}>
            {t('results.trendBackToRounds')}
          </Link>
        )}
      </p>
      <PageHeader title={title} lead={t('results.trendLead')} />
      <search className="filters" aria-label={t('results.trendFilterLabel')}>
        <SelectField
          label={t('results.trendTemplate')}
          value={templateId ?? data?.templateId ?? ''}
          onChange={(event) =>
            void navigate({
              to: '/orgs/$orgId/departments/$departmentId/trend',
              params: { orgId, departmentId },
              search: event.target.value ? { templateId: event.target.value } : {},
              replace: true,
            })
          }
          fieldClassName="filters__wide"
        >
          <option value="">{t('results.trendChooseTemplate')}</option>
          {(templates.data ?? []).map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </SelectField>
      </search>
      {trend.isPending && <Loading />}
      {data && !data.templateId && <EmptyState>{t('results.trendNoTemplate')}</EmptyState>}
      {trend.isError && <QueryError error={trend.error} onRetry={() => void trend.refetch()} />}
      {data?.templateId && data.rounds.length === 0 && <EmptyState>{t('results.trendNoRounds')}</EmptyState>}
      {data && data.rounds.length > 0 && (
        <>
          {data.rounds.some((round) => round.group.withheld) && (
            <section className="panel results-section" aria-labelledby="trend-withheld">
              <h2 id="trend-withheld" className="panel__title">
                {t('results.trendWithheldTitle')}
              </h2>
              <ul className="trend-withheld">
                {data.rounds
                  .filter((round) => round.group.withheld)
                  .map((round) => (
                    <li key={round.roundId}>
                      <strong>
                        <DataText>{round.title}</DataText>
                      </strong>
                      {t('results.separator')}
                      {trendWithheldText(t, round.group.withheldReason)}
                    </li>
                  ))}
              </ul>
            </section>
          )}
          <section className="panel results-section" aria-labelledby="trend-charts">
            <h2 id="trend-charts" className="panel__title">
              {t('results.trendChartsTitle')}
            </h2>
            <p className="chart-note">{t('results.trendChartsNote')}</p>
            <ul className="trend-grid">
              {data.items.map((item, i) => {
                const points: TrendPoint[] = data.rounds.map((round) => ({
                  key: round.roundId,
                  label: formatRoundMonth(round.opensOn, language),
                  date: round.opensOn,
                  value: round.medians?.[i] ?? null,
                }));
                return (
                  <li key={item.key} className="trend-grid__item">
                    <h3 className="trend-grid__title" lang={itemLang}>
                      {item.title}
                    </h3>
                    <TrendLine points={points} levelCount={item.levelCount} title={item.title} />
                  </li>
                );
              })}
            </ul>
          </section>
          <UnitTrendTable trend={data} language={language} />
        </>
      )}
    </article>
  );
}
