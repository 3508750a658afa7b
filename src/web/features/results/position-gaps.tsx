import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/data-table.js';
import { useDataLang } from '../../components/data-text.js';
import { useLanguage } from '../../lib/problems.js';
import { isHiddenWhileOpen } from './group-label.js';
import { formatMedian } from './results-format.js';
import type { RoundResults } from './results-queries.js';
import { WithheldNote } from './withheld-note.js';

type Gap = RoundResults['gaps'][number];

/** Section (c): where roles see the same item differently, largest gap first: the place to start talking. */
export function PositionGaps({ results }: { results: RoundResults }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const itemLang = useDataLang(results.items[0]?.title);
  const titles = new Map(results.items.map((item) => [item.key, item.title]));
  const isFiltered = Boolean(results.filter.departmentId || results.filter.position);
  const gaps = [...results.gaps].sort((a, b) => b.gap - a.gap);
  const shown = results.positions.filter((p) => !p.withheld);
  const belowThreshold = results.positions.filter((p) => p.withheld && p.withheldReason === 'below_threshold');
  const protectsOthers = results.positions.filter((p) => p.withheld && p.withheldReason === 'protects_others');
  // While the round is open every position is withheld for that reason alone: say so once, in place of the table.
  const isOpen = isHiddenWhileOpen(results) || results.positions.some((p) => p.withheldReason === 'round_open');
  const names = (list: typeof shown) => list.map((p) => t(`positions.${p.position}`)).join(t('results.listSeparator'));

  const columns: Column<Gap>[] = [
    {
      key: 'item',
      header: t('results.item'),
      isRowHeader: true,
      render: (gap) => <span lang={itemLang}>{titles.get(gap.itemKey) ?? gap.itemKey}</span>,
    },
    {
      key: 'high',
      header: t('results.gapHigh'),
      render: (gap) =>
        t('results.positionMedian', {
          position: t(`positions.${gap.high.position}`),
          median: formatMedian(gap.high.median, language),
        }),
    },
    {
      key: 'low',
      header: t('results.gapLow'),
      render: (gap) =>
        t('results.positionMedian', {
          position: t(`positions.${gap.low.position}`),
          median: formatMedian(gap.low.median, language),
        }),
    },
    {
      key: 'gap',
      header: t('results.gap'),
      align: 'end',
      render: (gap) => <strong>{formatMedian(gap.gap, language)}</strong>,
    },
  ];

  return (
    <section className="panel results-section" aria-labelledby="results-gaps">
      <h2 id="results-gaps" className="panel__title">
        {t('results.gapsTitle')}
      </h2>
      <p>{t('results.gapsLead')}</p>
      {isFiltered ? (
        <p className="muted">{t('results.gapsFiltered')}</p>
      ) : isOpen ? (
        <WithheldNote reason="round_open" k={results.anonymityThreshold} />
      ) : gaps.length === 0 ? (
        <p className="muted">{t('results.gapsNone', { k: results.anonymityThreshold })}</p>
      ) : (
        <DataTable caption={t('results.gapsTitle')} rows={gaps} columns={columns} rowKey={(gap) => gap.itemKey} />
      )}
      {!isFiltered && !isOpen && results.positions.length > 0 && (
        <p className="chart-note">
          {shown.length > 0 &&
            t('results.positionsShown', {
              list: shown
                .map((p) =>
                  t('results.positionCount', { position: t(`positions.${p.position}`), n: p.responseCount ?? 0 }),
                )
                .join(t('results.listSeparator')),
            })}
          {belowThreshold.length > 0 &&
            ` ${t('results.positionsWithheld', { list: names(belowThreshold), k: results.anonymityThreshold })}`}
          {protectsOthers.length > 0 && ` ${t('results.positionsWithheldProtects', { list: names(protectsOthers) })}`}
        </p>
      )}
    </section>
  );
}
