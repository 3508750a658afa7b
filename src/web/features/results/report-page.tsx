import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { formatDate } from '../../lib/format.js';
import { useOrgId } from '../../lib/org-context.js';
import { usePageTitle } from '../../lib/page-title.js';
import { useLanguage } from '../../lib/problems.js';
import { orgQueryOptions } from '../orgs/org-queries.js';
import { myResponseQueryOptions, roundQueryOptions } from '../rounds/round-queries.js';
import { localizedTitle } from '../sheets/sheet-labels.js';
import { RadarAxisKey, RadarChart, RadarLegend } from './charts/radar-chart.js';
import { LevelKey } from './item-distributions.js';
import { ReportNextMoves } from './report-next-moves.js';
import { ReportTable } from './report-table.js';
import { type RoundDetail, type RoundResults, resultsQueryOptions } from './results-queries.js';
import { useRadarSeries } from './results-radar.js';
import { WithheldNote, withheldShortText } from './withheld-note.js';
import './results.css';

/** The results on A4 paper: what a workplace pins up or hands round before a dialogue. */
export function ReportPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { roundId = '' } = useParams({ strict: false });
  const { kind, ...filters } = useSearch({ from: '/authed/orgs/$orgId/rounds/$roundId/report' });
  const round = useQuery(roundQueryOptions(orgId, roundId));
  const results = useQuery(resultsQueryOptions(orgId, roundId, filters));
  const org = useQuery(orgQueryOptions(orgId));
  usePageTitle(round.data ? t('results.reportPageTitle', { title: round.data.title }) : t('results.reportTitle'));

  return (
    <article className="report">
      <div className="report__tools no-print">
        <Link to="/orgs/$orgId/rounds/$roundId/results" params={{ orgId, roundId }} search={filters}>
          {t('results.backToResults')}
        </Link>
        <Button variant="primary" onClick={() => window.print()} disabled={!results.data}>
          {t('results.print')}
        </Button>
      </div>
      {(round.isPending || results.isPending) && <Loading />}
      {round.isError && <QueryError error={round.error} onRetry={() => void round.refetch()} />}
      {results.isError && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {round.data && results.data && (
        <ReportBody round={round.data} results={results.data} orgName={org.data?.name} kind={kind} />
      )}
    </article>
  );
}

interface ReportBodyProps {
  round: RoundDetail;
  results: RoundResults;
  orgName: string | undefined;
  kind: 'group' | 'mine';
}

function ReportBody({ round, results, orgName, kind }: ReportBodyProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleLang = useDataLang(round.title);
  const itemLang = useDataLang(results.items[0]?.title);
  const series = useRadarSeries(results, { mine: kind === 'mine' });
  const department = results.departmentFilters.find((d) => d.id === results.filter.departmentId);
  const scope = [
    department?.name ?? t('results.wholeGroup'),
    results.filter.position ? t(`positions.${results.filter.position}`) : t('results.allPositions'),
  ].join(t('results.separator'));
  const levelCount = Math.max(...results.items.map((item) => item.levelCount), 3);

  return (
    <>
      <header className="report__header">
        <p className="report__kind">{kind === 'mine' ? t('results.reportMine') : t('results.reportGroup')}</p>
        <h1 className="report__title" lang={titleLang}>
          {round.title}
        </h1>
        <dl className="report__meta">
          {orgName && (
            <div>
              <dt>{t('results.organization')}</dt>
              <dd>
                <DataText>{orgName}</DataText>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('results.sheet')}</dt>
            <dd>
              <DataText>{localizedTitle(round.templateTitle, language)}</DataText>
            </dd>
          </div>
          <div>
            <dt>{t('results.period')}</dt>
            <dd>
              <DateText value={round.opensOn} />
              {t('results.until')}
              <DateText value={round.closedAt ?? round.closesOn} />
            </dd>
          </div>
          <div>
            <dt>{t('results.scope')}</dt>
            <dd>{scope}</dd>
          </div>
          <div>
            <dt>{t('results.responseCount')}</dt>
            <dd>
              {results.group.responseCount === null || results.group.withheld
                ? withheldShortText(t, results.group.withheldReason, results.anonymityThreshold)
                : t('results.responses', { count: results.group.responseCount })}
            </dd>
          </div>
          <div>
            <dt>{t('results.anonymity')}</dt>
            <dd>
              {round.anonymous ? t('results.anonymousRound') : t('results.namedRound')}
              {t('results.separator')}
              {t('results.thresholdNote', { k: results.anonymityThreshold })}
            </dd>
          </div>
          <div>
            <dt>{t('results.printedOn')}</dt>
            <dd>{formatDate(new Date(), language)}</dd>
          </div>
        </dl>
      </header>
      {results.group.withheld && <WithheldNote reason={results.group.withheldReason} k={results.anonymityThreshold} />}
      {series.length > 0 && (
        <section className="report__section report__radar" aria-labelledby="report-radar">
          <h2 id="report-radar" className="report__heading">
            {t('results.radarTitle')}
          </h2>
          <figure className="report__figure">
            <RadarChart
              axes={results.items}
              series={series}
              label={t('results.radarLabel', { title: round.title })}
              axisLang={itemLang}
            />
            <figcaption>
              <RadarLegend series={series} />
              <RadarAxisKey axes={results.items} axisLang={itemLang} />
            </figcaption>
          </figure>
        </section>
      )}
      {kind === 'mine' && <ReportMostImportant round={round} itemLang={itemLang} />}
      <section className="report__section report__items" aria-labelledby="report-items">
        <h2 id="report-items" className="report__heading">
          {t('results.reportItemsTitle')}
        </h2>
        {!results.group.withheld && <LevelKey levelCount={levelCount} />}
        <ReportTable results={results} showMine={kind === 'mine'} itemLang={itemLang} />
      </section>
      <ReportNextMoves round={round} results={results} kind={kind} itemLang={itemLang} />
      <p className="report__footer">{t('results.reportFooter')}</p>
    </>
  );
}

/** On a personal report: the item the person chose as the most important, as they did on the sheet. */
function ReportMostImportant({ round, itemLang }: { round: RoundDetail; itemLang: string | undefined }) {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const mine = useQuery(myResponseQueryOptions(orgId, round.id));
  if (!mine.data) return null;
  const key = mine.data.mostImportantItemKey;
  const title = round.content.sections.flatMap((section) => section.items).find((item) => item.key === key)?.title;
  return (
    <dl className="report__important">
      <dt>{t('results.reportMostImportant')}</dt>
      <dd>{title ? <span lang={itemLang}>{title}</span> : t('results.reportMostImportantNone')}</dd>
    </dl>
  );
}
