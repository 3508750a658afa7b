import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { useDataLang } from '../../components/data-text.js';
import { useLanguage } from '../../lib/problems.js';
import { RadarAxisKey, RadarChart, RadarLegend, type RadarSeries } from './charts/radar-chart.js';
import { selectedGroupName } from './group-label.js';
import { formatLevelValue } from './results-format.js';
import type { RoundDetail, RoundResults } from './results-queries.js';
import { WithheldNote } from './withheld-note.js';

interface ResultsRadarProps {
  round: RoundDetail;
  results: RoundResults;
  /** Which lines to draw: a group report leaves out the person's own. */
  include?: { mine?: boolean; group?: boolean; previous?: boolean };
  /** The report prints its own table; the results page offers one under the picture. */
  withTable?: boolean;
}

/** The lines a radar can draw from a result, leaving out those with nothing to show. */
export function useRadarSeries(results: RoundResults, include: ResultsRadarProps['include'] = {}): RadarSeries[] {
  const { t } = useTranslation();
  const series: RadarSeries[] = [];
  const { mine = true, group = true, previous = true } = include;
  if (mine && results.items.some((item) => item.mine !== null)) {
    series.push({ kind: 'mine', label: t('results.seriesMine'), values: results.items.map((item) => item.mine) });
  }
  if (group && !results.group.withheld) {
    // Under a filter the line is that group's, not everyone's: the key names it.
    const name = selectedGroupName(t, results);
    series.push({
      kind: 'group',
      label: name ? t('results.seriesGroupOf', { name }) : t('results.seriesGroup'),
      values: results.items.map((item) => item.median),
    });
  }
  if (previous && results.compare && results.items.some((item) => item.previous)) {
    series.push({
      kind: 'previous',
      label: t('results.seriesPrevious', { title: results.compare.title }),
      values: results.items.map((item) => item.previous?.median ?? null),
    });
  }
  return series;
}

/** Section (a): my levels against the group's medians and the compared round's, as a radar. */
export function ResultsRadar({ round, results, include, withTable = true }: ResultsRadarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const series = useRadarSeries(results, include);
  const itemLang = useDataLang(results.items[0]?.title);
  const value = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatLevelValue(v, language));

  return (
    <section className="panel results-section results-radar" aria-labelledby="results-radar">
      <h2 id="results-radar" className="panel__title">
        {t('results.radarTitle')}
      </h2>
      {results.group.withheld && <WithheldNote reason={results.group.withheldReason} k={results.anonymityThreshold} />}
      {series.length === 0 ? (
        !results.group.withheld && <p className="muted">{t('results.radarEmpty')}</p>
      ) : (
        <figure className="results-radar__figure">
          <RadarChart
            axes={results.items}
            series={series}
            label={t('results.radarLabel', { title: round.title })}
            axisLang={itemLang}
          />
          <figcaption>
            <RadarLegend series={series} />
            <RadarAxisKey axes={results.items} axisLang={itemLang} />
            <p className="chart-note">{t('results.radarNote')}</p>
          </figcaption>
        </figure>
      )}
      {withTable && series.length > 0 && (
        <details className="chart-data">
          <summary>{t('results.showNumbers')}</summary>
          <DataTable
            caption={t('results.radarTitle')}
            rows={results.items.map((item, index) => ({ item, index }))}
            rowKey={(row) => row.item.key}
            columns={[
              {
                key: 'item',
                header: t('results.item'),
                isRowHeader: true,
                render: (row) => <span lang={itemLang}>{row.item.title}</span>,
              },
              ...series.map((s) => ({
                key: s.kind,
                header: s.label,
                align: 'end' as const,
                render: (row: { index: number }) => value(s.values[row.index]),
              })),
            ]}
          />
        </details>
      )}
    </section>
  );
}
