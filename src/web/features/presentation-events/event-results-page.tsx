import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EventResults } from '../../../shared/workshops/presentation-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { useLanguage } from '../../lib/problems.js';
import { CommentList, VoteRanking } from './event-parts.js';
import { eventApi, eventQueryOptions, type FacilitatorView } from './event-queries.js';
import { commentsOf } from './event-state.js';
import '../workshops/workshops.css';
import './presentations.css';

type Row = EventResults['presentations'][number];

/**
 * The results on paper (A4) and as files: the judges' ranking with each criterion's average, the
 * audience vote, and every comment left visible, per presentation.
 */
export function PresentationEventResultsPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const language = useLanguage();
  const { workshopId } = useParams({ from: '/authed/orgs/$orgId/presentation-events/$workshopId/results' });
  const view = useQuery(eventQueryOptions(orgId, workshopId));
  if (view.isPending) return <Loading />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const results = data.results;
  return (
    <article className="event-results">
      <PageHeader
        title={data.title}
        lead={t('presentations.results.facts', {
          count: data.presentations.length,
          judges: results?.judges ?? data.counts.judges,
          votes: results?.votes ?? data.counts.voted,
          status: t(`workshops.status.${data.status}`),
        })}
        actions={
          <>
            <Link
              to="/orgs/$orgId/presentation-events/$workshopId"
              params={{ orgId, workshopId }}
              className="button button--tertiary"
            >
              {t('workshops.present.backToConsole')}
            </Link>
            <Button variant="secondary" onClick={() => window.print()}>
              {t('presentations.results.print')}
            </Button>
            <a
              className="button button--secondary"
              href={eventApi.exportUrl(orgId, workshopId, 'csv', language)}
              download
            >
              {t('presentations.results.downloadCsv')}
            </a>
            <a
              className="button button--secondary"
              href={eventApi.exportUrl(orgId, workshopId, 'xlsx', language)}
              download
            >
              {t('presentations.results.downloadXlsx')}
            </a>
          </>
        }
      />
      <p className="event-results__kind">{t('presentations.results.title')}</p>
      {!data.resultsPublished && <Alert tone="info">{t('presentations.results.notPublished')}</Alert>}
      {results && <JudgesTable view={data} results={results} />}
      {results && (
        <section className="event-results__section" aria-labelledby="results-votes">
          <h2 id="results-votes">{t('presentations.results.voteTitle')}</h2>
          <VoteRanking results={results} />
        </section>
      )}
      <section className="event-results__section" aria-labelledby="results-comments">
        <h2 id="results-comments">{t('presentations.results.commentsTitle')}</h2>
        {data.presentations.map((presentation, index) => (
          <section
            key={presentation.id}
            className="event-results__comments"
            aria-labelledby={`results-comments-${presentation.id}`}
          >
            <h3 id={`results-comments-${presentation.id}`}>
              {index + 1}. <DataText>{presentation.title}</DataText>
              <span className="event-results__presenter">
                （<DataText>{presentation.presenter}</DataText>）
              </span>
            </h3>
            <CommentList
              comments={commentsOf(data, presentation.id).reverse()}
              emptyText={t('presentations.results.noComments')}
            />
          </section>
        ))}
      </section>
    </article>
  );
}

function JudgesTable({ view, results }: { view: FacilitatorView; results: EventResults }) {
  const { t } = useTranslation();
  const rows = results.presentations
    .slice()
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  const columns: Column<Row>[] = [
    {
      key: 'rank',
      header: t('presentations.results.rank'),
      className: 'event-results__nowrap',
      render: (row) =>
        row.rank === null
          ? t('presentations.results.noRank')
          : t('presentations.results.rankValue', { rank: row.rank }),
    },
    {
      key: 'title',
      header: t('presentations.results.presentation'),
      isRowHeader: true,
      render: (row) => (
        <>
          <DataText>{row.title}</DataText>
          <span className="cell-sub">
            <DataText>{row.presenter}</DataText>
          </span>
        </>
      ),
    },
    {
      key: 'average',
      header: t('presentations.results.average'),
      align: 'end',
      className: 'event-results__nowrap',
      render: (row) =>
        row.average === null
          ? t('presentations.results.unscored')
          : t('presentations.results.averageValue', { average: row.average.toFixed(1), max: results.maxTotal }),
    },
    ...view.criteria.map(
      (criterion): Column<Row> => ({
        key: `criterion-${criterion.key}`,
        header: criterion.label,
        align: 'end',
        render: (row) => {
          const average = row.criteria.find((c) => c.key === criterion.key)?.average ?? null;
          return average === null ? t('presentations.results.noRank') : average.toFixed(1);
        },
      }),
    ),
    {
      key: 'scoredBy',
      header: t('presentations.results.scoredBy'),
      align: 'end',
      className: 'event-results__nowrap',
      render: (row) => t('common.people', { count: row.scoredBy }),
    },
  ];
  return (
    <section className="event-results__section" aria-labelledby="results-judges">
      <h2 id="results-judges">{t('presentations.results.judgesTitle')}</h2>
      <p className="field__hint">{t('presentations.results.judgesLead', { max: results.maxTotal })}</p>
      <DataTable
        caption={t('presentations.results.judgesTitle')}
        rows={rows}
        columns={columns}
        rowKey={(row) => row.presentationId}
      />
    </section>
  );
}
