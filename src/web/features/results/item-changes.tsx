import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { useLanguage } from '../../lib/problems.js';
import { changeArrows, describeChange, formatDifference, formatMedian } from './results-format.js';
import type { RoundResults } from './results-queries.js';
import { WithheldNote } from './withheld-note.js';

type Item = RoundResults['items'][number];

/** The change of one item as an arrow and a signed difference; the arrow's meaning is also said in words. */
export function ChangeText({ previous, current }: { previous: number | null | undefined; current: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (previous === null || previous === undefined || current === null) return <span className="muted">—</span>;
  const change = describeChange(previous, current);
  return (
    <span className={`change change--${change.direction}`}>
      <span aria-hidden="true" className="change__arrow">
        {changeArrows[change.direction]}
      </span>
      <span className="visually-hidden">{t(`results.change_${change.direction}`)}</span>
      {formatDifference(change.difference, language)}
    </span>
  );
}

/** Section (d): each item's median in the compared round and now. */
export function ItemChanges({ results }: { results: RoundResults }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const itemLang = useDataLang(results.items[0]?.title);
  const compare = results.compare;
  const median = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatMedian(value, language);

  const columns: Column<Item>[] = [
    {
      key: 'item',
      header: t('results.item'),
      isRowHeader: true,
      render: (item) => <span lang={itemLang}>{item.title}</span>,
    },
    {
      key: 'previous',
      header: t('results.previousMedian'),
      align: 'end',
      render: (item) => median(item.previous?.median),
    },
    { key: 'current', header: t('results.currentMedian'), align: 'end', render: (item) => median(item.median) },
    {
      key: 'change',
      header: t('results.change'),
      align: 'end',
      render: (item) => <ChangeText previous={item.previous?.median} current={item.median} />,
    },
  ];

  return (
    <section className="panel results-section" aria-labelledby="results-changes">
      <h2 id="results-changes" className="panel__title">
        {t('results.changesTitle')}
      </h2>
      {!compare ? (
        <p className="muted">{t('results.noCompareLong')}</p>
      ) : (
        <>
          <p>
            {t('results.changesLead')} <DataText>{compare.title}</DataText>
            {compare.group.responseCount !== null && t('results.compareCount', { count: compare.group.responseCount })}
          </p>
          {compare.group.withheld ? (
            <WithheldNote reason={compare.group.withheldReason} k={results.anonymityThreshold} />
          ) : results.group.withheld ? (
            <WithheldNote reason={results.group.withheldReason} k={results.anonymityThreshold} />
          ) : (
            <DataTable
              caption={t('results.changesTitle')}
              rows={results.items}
              columns={columns}
              rowKey={(item) => item.key}
            />
          )}
        </>
      )}
    </section>
  );
}
