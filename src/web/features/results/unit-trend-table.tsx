import { useTranslation } from 'react-i18next';
import { DataText, useDataLang } from '../../components/data-text.js';
import { formatDate } from '../../lib/format.js';
import type { Language } from '../../lib/i18n/language.js';
import { ChangeText } from './item-changes.js';
import { formatMedian } from './results-format.js';
import type { UnitTrend } from './results-queries.js';

/** The trend as numbers: items down, rounds across (oldest first), the change since the first shown round last. */
export function UnitTrendTable({ trend, language }: { trend: UnitTrend; language: Language }) {
  const { t } = useTranslation();
  const itemLang = useDataLang(trend.items[0]?.title);
  const shown = (i: number) =>
    trend.rounds.map((round) => round.medians?.[i] ?? null).filter((value): value is number => value !== null);

  return (
    <section className="panel results-section" aria-labelledby="trend-table">
      <h2 id="trend-table" className="panel__title">
        {t('results.trendTableTitle')}
      </h2>
      <section
        className="report-table-wrap"
        aria-label={t('results.tableOf', { title: t('results.trendTableTitle') })}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be reachable without a mouse (WCAG 2.1.1)
        tabIndex={0}
      >
        <table className="report-table trend-table">
          <caption className="visually-hidden">{t('results.trendTableTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.item')}</th>
              {trend.rounds.map((round) => (
                <th key={round.roundId} scope="col" className="cell--end">
                  <DataText>{round.title}</DataText>
                  <span className="cell-sub">
                    {t('results.trendOpened', { date: formatDate(round.opensOn, language) })}
                  </span>
                  <span className="cell-sub">
                    {round.group.withheld || round.group.responseCount === null
                      ? t('results.withheldShort')
                      : t('results.responses', { count: round.group.responseCount })}
                  </span>
                </th>
              ))}
              <th scope="col" className="cell--end">
                {t('results.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.items.map((item, i) => {
              const values = shown(i);
              return (
                <tr key={item.key}>
                  <th scope="row" lang={itemLang}>
                    {item.title}
                  </th>
                  {trend.rounds.map((round) => {
                    const value = round.medians?.[i] ?? null;
                    return (
                      <td key={round.roundId} className="cell--end">
                        {value === null ? (
                          <span className="muted">{round.group.withheld ? t('results.withheldShort') : '—'}</span>
                        ) : (
                          formatMedian(value, language)
                        )}
                      </td>
                    );
                  })}
                  <td className="cell--end">
                    <ChangeText
                      previous={values.length > 1 ? values[0] : null}
                      current={values.length > 1 ? (values.at(-1) ?? null) : null}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
}
