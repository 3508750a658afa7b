import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDataLang } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { DotStrip } from './charts/dot-strip.js';
import { isHiddenWhileOpen } from './group-label.js';
import { type RoundDetail, type RoundResults, unitSpreadQueryOptions } from './results-queries.js';
import { WithheldNote } from './withheld-note.js';

interface UnitSpreadSectionProps {
  orgId: string;
  round: RoundDetail;
  results: RoundResults;
}

/** How many units share the most common median of an item: the height its dots need. */
function tallestStack(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

/**
 * Section (f), for people who manage sheets: how spread the units are on each item, as nameless
 * dots, and a way into each unit's own trend. Units are never set side by side by name.
 */
export function UnitSpreadSection({ orgId, round, results }: UnitSpreadSectionProps) {
  const { t } = useTranslation();
  const spread = useQuery(unitSpreadQueryOptions(orgId, round.id));
  const itemLang = useDataLang(results.items[0]?.title);
  const isFiltered = Boolean(results.filter.departmentId || results.filter.position);
  const isOpen = isHiddenWhileOpen(results);
  const isWhole = !isFiltered && !results.group.withheld;
  const medians = new Map(results.items.map((item) => [item.key, item.median]));
  const rows = Math.max(1, ...(spread.data?.items ?? []).map((item) => tallestStack(item.unitMedians)));

  return (
    <section className="panel results-section" aria-labelledby="results-spread">
      <h2 id="results-spread" className="panel__title">
        {t('results.spreadTitle')}
      </h2>
      <p>{t('results.spreadLead')}</p>
      {/* The spread is always the whole organisation's; a filter above must not seem to narrow it. */}
      {isFiltered && (
        <p className="results-scope-note">
          <strong>{t('results.spreadWholeOrg')}</strong>
        </p>
      )}
      {spread.isPending && !isOpen && <Loading />}
      {spread.isError && <QueryError error={spread.error} onRetry={() => void spread.refetch()} />}
      {isOpen ? (
        <WithheldNote reason="round_open" k={round.anonymityThreshold} />
      ) : (
        spread.data && (
          <>
            <p className="chart-note">
              {t('results.spreadCounts', {
                shown: spread.data.shownUnits,
                withheld: spread.data.withheldUnits,
                k: spread.data.anonymityThreshold,
              })}
              {isWhole && ` ${t('results.spreadMedianLine')}`}
            </p>
            {spread.data.shownUnits === 0 ? (
              <p className="muted">{t('results.spreadNone', { k: spread.data.anonymityThreshold })}</p>
            ) : (
              <ul className="spread-list">
                {spread.data.items.map((item) => (
                  <li key={item.key} className="spread-list__item">
                    <p className="spread-list__title" lang={itemLang}>
                      {item.title}
                    </p>
                    <DotStrip
                      values={item.unitMedians}
                      levelCount={item.levelCount}
                      title={item.title}
                      groupMedian={isWhole ? medians.get(item.key) : undefined}
                      rows={rows}
                    />
                  </li>
                ))}
              </ul>
            )}
          </>
        )
      )}
      {results.departmentFilters.length > 0 && (
        <details className="unit-trends">
          <summary>{t('results.unitTrendsTitle')}</summary>
          <p className="chart-note">{t('results.unitTrendsLead')}</p>
          <ul className="unit-trends__list">
            {results.departmentFilters.map((department) => (
              <li key={department.id}>
                <Link
                  to="/orgs/$orgId/departments/$departmentId/trend"
                  params={{ orgId, departmentId: department.id }}
                  search={{ templateId: round.templateId }}
                  state={{ fromRoundId: round.id }}
                >
                  {t('results.unitTrendLink', { name: department.name })}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
