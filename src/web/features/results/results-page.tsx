import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { useLanguage } from '../../lib/problems.js';
import { roundQueryOptions } from '../rounds/round-queries.js';
import { localizedTitle } from '../sheets/sheet-labels.js';
import { CaseSuggestions } from './case-suggestions.js';
import { isHiddenWhileOpen } from './group-label.js';
import { ItemChanges } from './item-changes.js';
import { ItemDistributions } from './item-distributions.js';
import { NamedResponses } from './named-responses.js';
import { NextMoves } from './next-moves.js';
import { PositionGaps } from './position-gaps.js';
import { ResultsDownloads } from './results-downloads.js';
import { ResultsFiltersForm } from './results-filters.js';
import { type ResultsFilters, type RoundResults, resultsQueryOptions } from './results-queries.js';
import { ResultsRadar } from './results-radar.js';
import { UnitSpreadSection } from './unit-spread-section.js';
import { WithheldNote } from './withheld-note.js';
import './results.css';

/** The results of one round: where the group stands, how roles differ, what changed and the next moves. */
export function ResultsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgId = useOrgId();
  const { roundId = '' } = useParams({ strict: false });
  const search = useSearch({ from: '/authed/orgs/$orgId/rounds/$roundId/results' });
  const navigate = useNavigate();
  const canManage = can(useMembership(), 'sheet.manage');
  const round = useQuery(roundQueryOptions(orgId, roundId));
  const results = useQuery(resultsQueryOptions(orgId, roundId, search));
  const titleLang = useDataLang(round.data?.title);

  const changeFilters = (filters: ResultsFilters) =>
    void navigate({
      to: '/orgs/$orgId/rounds/$roundId/results',
      params: { orgId, roundId },
      search: {
        ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
        ...(filters.position ? { position: filters.position } : {}),
        ...(filters.compareTo ? { compareTo: filters.compareTo } : {}),
      },
      replace: true,
    });

  if (round.isPending) return <Loading />;
  if (round.isError) return <QueryError error={round.error} onRetry={() => void round.refetch()} />;
  const detail = round.data;
  const data = results.data;

  return (
    <article className="results">
      <p className="back-link">
        <Link to="/orgs/$orgId/rounds/$roundId" params={{ orgId, roundId }}>
          {t('results.backToRound')}
        </Link>
      </p>
      <PageHeader
        title={t('results.pageTitle', { title: detail.title })}
        titleLang={titleLang}
        lead={
          <>
            <DataText>{localizedTitle(detail.templateTitle, language)}</DataText>
            {t('results.separator')}
            <DateText value={detail.opensOn} />
            {t('results.until')}
            <DateText value={detail.closedAt ?? detail.closesOn} />
          </>
        }
      />
      {detail.status !== 'closed' && (
        <Alert tone="info">
          {data && isHiddenWhileOpen(data) ? t('results.stillOpenHidden') : t('results.stillOpen')}
        </Alert>
      )}
      <ResultsFiltersForm orgId={orgId} round={detail} results={data} filters={search} onChange={changeFilters} />
      {results.isPending && <Loading />}
      {results.isError && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {data && (
        <div className="results__body" aria-busy={results.isPlaceholderData || undefined}>
          <section className="panel results__summary" aria-labelledby="results-summary">
            <h2 id="results-summary" className="panel__title">
              {t('results.summaryTitle')}
            </h2>
            <dl className="summary-list">
              <div>
                <dt>{t('results.responseCount')}</dt>
                <dd>
                  {isHiddenWhileOpen(data) ? (
                    <OpenCount results={data} roundCount={detail.responseCount} />
                  ) : data.group.withheld || data.group.responseCount === null ? (
                    <WithheldNote reason={data.group.withheldReason} k={data.anonymityThreshold} compact />
                  ) : (
                    <span className="results__n">{t('results.responses', { count: data.group.responseCount })}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('results.anonymity')}</dt>
                <dd>
                  {detail.anonymous ? t('results.anonymousRound') : t('results.namedRound')}
                  {t('results.separator')}
                  {t('results.thresholdNote', { k: data.anonymityThreshold })}
                </dd>
              </div>
              <div>
                <dt>{t('results.comparedWith')}</dt>
                <dd>{data.compare ? <DataText>{data.compare.title}</DataText> : t('results.noCompare')}</dd>
              </div>
            </dl>
          </section>
          <ResultsRadar round={detail} results={data} />
          <ItemDistributions round={detail} results={data} />
          <PositionGaps results={data} />
          <ItemChanges results={data} />
          <NextMoves orgId={orgId} roundId={roundId} results={data} />
          <CaseSuggestions orgId={orgId} roundId={roundId} results={data} />
          {canManage && <UnitSpreadSection orgId={orgId} round={detail} results={data} />}
          <ResultsDownloads orgId={orgId} round={detail} results={data} filters={search} canManage={canManage} />
          {canManage && !detail.anonymous && <NamedResponses orgId={orgId} round={detail} />}
        </div>
      )}
    </article>
  );
}

/**
 * The number of responses while the round is open: the round page shows it to everyone, so it is
 * said here too; only the figures that change with each answer wait until the round closes.
 */
function OpenCount({ results, roundCount }: { results: RoundResults; roundCount: number }) {
  const { t } = useTranslation();
  if (results.filter.departmentId || results.filter.position) {
    return <p className="results__open-count">{t('results.openCountFiltered', { count: roundCount })}</p>;
  }
  return (
    <>
      <span className="results__n">{t('results.openCount', { count: roundCount })}</span>
      <span className="cell-sub">{t('results.openCountNote')}</span>
    </>
  );
}
