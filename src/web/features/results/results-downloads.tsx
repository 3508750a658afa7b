import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/problems.js';
import {
  type ExportFormat,
  type ExportKind,
  type ResultsFilters,
  type RoundDetail,
  type RoundResults,
  roundExportHref,
} from './results-queries.js';

interface ResultsDownloadsProps {
  orgId: string;
  round: RoundDetail;
  results: RoundResults;
  filters: ResultsFilters;
  canManage: boolean;
}

/** Section (g): the results as files and as a page to print, with the filters on screen. */
export function ResultsDownloads({ orgId, round, results, filters, canManage }: ResultsDownloadsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answered = results.items.some((item) => item.mine !== null);
  const reportSearch = {
    ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
    ...(filters.position ? { position: filters.position } : {}),
    ...(filters.compareTo ? { compareTo: filters.compareTo } : {}),
  };
  const href = (format: ExportFormat, kind: ExportKind) =>
    roundExportHref(orgId, round.id, { format, kind, lang: language }, filters);

  return (
    <section className="panel results-section no-print" aria-labelledby="results-downloads">
      <h2 id="results-downloads" className="panel__title">
        {t('results.downloadsTitle')}
      </h2>
      <p>{t('results.downloadsLead')}</p>
      <h3 className="results-subtitle">{t('results.groupFiles')}</h3>
      <p className="button-row">
        <a className="button button--secondary button--sm" href={href('csv', 'group')} download>
          {t('results.downloadCsv')}
        </a>
        <a className="button button--secondary button--sm" href={href('xlsx', 'group')} download>
          {t('results.downloadXlsx')}
        </a>
        <Link
          className="button button--secondary button--sm"
          to="/orgs/$orgId/rounds/$roundId/report"
          params={{ orgId, roundId: round.id }}
          search={{ ...reportSearch, kind: 'group' }}
        >
          {t('results.printReport')}
        </Link>
      </p>
      {answered && (
        <>
          <h3 className="results-subtitle">{t('results.myFiles')}</h3>
          <p className="button-row">
            <a className="button button--secondary button--sm" href={href('csv', 'mine')} download>
              {t('results.downloadMineCsv')}
            </a>
            <a className="button button--secondary button--sm" href={href('xlsx', 'mine')} download>
              {t('results.downloadMineXlsx')}
            </a>
            <Link
              className="button button--secondary button--sm"
              to="/orgs/$orgId/rounds/$roundId/report"
              params={{ orgId, roundId: round.id }}
              search={{ ...reportSearch, kind: 'mine' }}
            >
              {t('results.printMyReport')}
            </Link>
          </p>
        </>
      )}
      {canManage && !round.anonymous && (
        <>
          <h3 className="results-subtitle">{t('results.responsesFiles')}</h3>
          <p className="button-row">
            <a className="button button--secondary button--sm" href={href('csv', 'responses')} download>
              {t('results.downloadResponsesCsv')}
            </a>
            <a className="button button--secondary button--sm" href={href('xlsx', 'responses')} download>
              {t('results.downloadResponsesXlsx')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
