import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/problems.js';
import {
  type ExportFormat,
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
  const answered = results.items.some((item) => item.mine !== null);
  const group = { orgId, roundId: round.id, filters };

  return (
    <section className="panel results-section no-print" aria-labelledby="results-downloads">
      <h2 id="results-downloads" className="panel__title">
        {t('results.downloadsTitle')}
      </h2>
      <p>{t('results.downloadsLead')}</p>
      <DownloadGroup
        {...group}
        kind="group"
        title={t('results.groupFiles')}
        csvLabel={t('results.downloadCsv')}
        xlsxLabel={t('results.downloadXlsx')}
        reportLabel={t('results.printReport')}
      />
      {answered && (
        <DownloadGroup
          {...group}
          kind="mine"
          title={t('results.myFiles')}
          csvLabel={t('results.downloadMineCsv')}
          xlsxLabel={t('results.downloadMineXlsx')}
          reportLabel={t('results.printMyReport')}
        />
      )}
      {canManage && !round.anonymous && (
        <DownloadGroup
          {...group}
          kind="responses"
          title={t('results.responsesFiles')}
          csvLabel={t('results.downloadResponsesCsv')}
          xlsxLabel={t('results.downloadResponsesXlsx')}
        />
      )}
    </section>
  );
}

/** Group and personal results also come as a page to print; the named responses do not. */
type DownloadGroupProps = {
  orgId: string;
  roundId: string;
  filters: ResultsFilters;
  title: string;
  csvLabel: string;
  xlsxLabel: string;
} & ({ kind: 'group' | 'mine'; reportLabel: string } | { kind: 'responses'; reportLabel?: never });

/** One kind of export: its CSV and xlsx files and, where there is one, its printable report. */
function DownloadGroup({ orgId, roundId, filters, title, csvLabel, xlsxLabel, ...files }: DownloadGroupProps) {
  const language = useLanguage();
  const href = (format: ExportFormat) =>
    roundExportHref(orgId, roundId, { format, kind: files.kind, lang: language }, filters);
  return (
    <>
      <h3 className="results-subtitle">{title}</h3>
      <p className="button-row">
        <a className="button button--secondary button--sm" href={href('csv')} download>
          {csvLabel}
        </a>
        <a className="button button--secondary button--sm" href={href('xlsx')} download>
          {xlsxLabel}
        </a>
        {files.reportLabel !== undefined && (
          <Link
            className="button button--secondary button--sm"
            to="/orgs/$orgId/rounds/$roundId/report"
            params={{ orgId, roundId }}
            search={{
              ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
              ...(filters.position ? { position: filters.position } : {}),
              ...(filters.compareTo ? { compareTo: filters.compareTo } : {}),
              kind: files.kind,
            }}
          >
            {files.reportLabel}
          </Link>
        )}
      </p>
    </>
  );
}
