import { useTranslation } from 'react-i18next';
import { useDataLang } from '../../components/data-text.js';
import { useLanguage } from '../../lib/problems.js';
import { DistributionBar, levelShade } from './charts/distribution-bar.js';
import { formatMedian, levelRange, levelsByItem } from './results-format.js';
import type { RoundDetail, RoundResults } from './results-queries.js';
import { WithheldNote } from './withheld-note.js';

/** The shades of the levels, as a key above the bars. */
export function LevelKey({ levelCount }: { levelCount: number }) {
  const { t } = useTranslation();
  return (
    <ul className="level-key">
      {levelRange(levelCount).map((level) => (
        <li key={level} className="level-key__item">
          <svg width="14" height="14" aria-hidden="true" className={levelShade(level, levelCount)}>
            <rect width="14" height="14" className="distribution__segment" />
          </svg>
          {t('results.levelNumber', { level })}
        </li>
      ))}
      <li className="level-key__item">
        <svg width="14" height="14" aria-hidden="true">
          <line x1="7" x2="7" y1="0" y2="14" className="distribution__half" />
        </svg>
        {t('results.halfLine')}
      </li>
    </ul>
  );
}

/** Section (b): for each item, how many chose each level, with the median. */
export function ItemDistributions({ round, results }: { round: RoundDetail; results: RoundResults }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const itemLang = useDataLang(results.items[0]?.title);
  const levels = levelsByItem(round.content);
  const levelCount = Math.max(...results.items.map((item) => item.levelCount), 3);

  return (
    <section className="panel results-section" aria-labelledby="results-distribution">
      <h2 id="results-distribution" className="panel__title">
        {t('results.distributionTitle')}
      </h2>
      {results.group.withheld ? (
        <WithheldNote reason={results.group.withheldReason} k={results.anonymityThreshold} />
      ) : (
        <>
          <LevelKey levelCount={levelCount} />
          <ul className="distribution-list">
            {results.items.map((item) => (
              <li key={item.key} className="distribution-list__item">
                <p className="distribution-list__title" lang={itemLang}>
                  {item.title}
                </p>
                {item.distribution ? (
                  <DistributionBar
                    distribution={item.distribution}
                    median={item.median}
                    title={item.title}
                    levelLabels={levels.get(item.key)?.map((level) => level.label)}
                  />
                ) : (
                  <WithheldNote reason={results.group.withheldReason} k={results.anonymityThreshold} compact />
                )}
                <p className="distribution-list__median">
                  {t('results.median')}{' '}
                  <strong>{item.median === null ? '—' : formatMedian(item.median, language)}</strong>
                  {item.mostImportantCount !== null && item.mostImportantCount > 0 && (
                    <span className="cell-sub">{t('results.mostImportant', { count: item.mostImportantCount })}</span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
