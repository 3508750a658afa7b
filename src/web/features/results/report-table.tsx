import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/problems.js';
import { DistributionBar } from './charts/distribution-bar.js';
import { ChangeText } from './item-changes.js';
import { formatMedian } from './results-format.js';
import type { RoundResults } from './results-queries.js';

interface ReportTableProps {
  results: RoundResults;
  showMine: boolean;
  itemLang: string | undefined;
}

/** One row per item for paper: the distribution as a bar and as numbers, the median, mine and the earlier round. */
export function ReportTable({ results, showMine, itemLang }: ReportTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hasCompare = Boolean(results.compare);
  const withheld = t('results.withheldShort');

  return (
    // A narrow screen scrolls the table sideways; the keyboard can too, once the box has the focus.
    <section
      className="report-table-wrap"
      aria-label={t('results.tableOf', { title: t('results.reportItemsTitle') })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be reachable without a mouse (WCAG 2.1.1)
      tabIndex={0}
    >
      <table className="report-table">
        <caption className="visually-hidden">{t('results.reportItemsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.item')}</th>
            <th scope="col" className="report-table__distribution">
              {t('results.distribution')}
            </th>
            <th scope="col" className="cell--end">
              {t('results.median')}
            </th>
            {showMine && (
              <th scope="col" className="cell--end">
                {t('results.mine')}
              </th>
            )}
            {hasCompare && (
              <th scope="col" className="cell--end">
                {t('results.previousMedian')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {results.items.map((item) => (
            <tr key={item.key}>
              <th scope="row" lang={itemLang}>
                {item.title}
              </th>
              <td className="report-table__distribution">
                {item.distribution ? (
                  <>
                    <DistributionBar distribution={item.distribution} median={item.median} title={item.title} compact />
                    <span className="report-table__counts" aria-hidden="true">
                      {item.distribution.join(' / ')}
                    </span>
                  </>
                ) : (
                  withheld
                )}
              </td>
              <td className="cell--end">{item.median === null ? withheld : formatMedian(item.median, language)}</td>
              {showMine && <td className="cell--end">{item.mine ?? '—'}</td>}
              {hasCompare && (
                <td className="cell--end">
                  {item.previous ? formatMedian(item.previous.median, language) : '—'}
                  {item.previous && item.median !== null && (
                    <span className="cell-sub">
                      <ChangeText previous={item.previous.median} current={item.median} />
                    </span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
