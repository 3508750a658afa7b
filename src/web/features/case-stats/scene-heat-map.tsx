import { useTranslation } from 'react-i18next';
import type { SceneGrid } from '../../../shared/cases/scene-grid.js';
import type { CaseStats } from '../../../shared/cases/stats-schema.js';
import { SceneGridTable } from '../scene-grid/scene-grid-table.js';

/** Five shades: 0 is the frontier (hatched, with words), 1–4 grow with the count against the busiest scene. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0) return 0;
  // Against at least 4, so a year of one case per scene is pale rather than all at the darkest.
  return Math.min(4, Math.max(1, Math.ceil((count / Math.max(max, 4)) * 4)));
}

interface SceneHeatMapProps {
  grid: SceneGrid;
  stats: CaseStats;
  yearLabel: string;
}

/**
 * The 12 scenes with the year's count in each cell, shaded by count; an empty cell says 未開拓 in
 * words (and is hatched), so the next frontier never depends on seeing colour.
 */
export function SceneHeatMap({ grid, stats, yearLabel }: SceneHeatMapProps) {
  const { t } = useTranslation();
  const counts = new Map(stats.scenes.map((s) => [s.sceneId, s.count]));
  const max = Math.max(0, ...stats.scenes.map((s) => s.count));
  const frontier = stats.scenes.filter((s) => s.count === 0).length;
  return (
    <>
      <div className="case-stats-heat">
        <SceneGridTable
          grid={grid}
          caption={t('caseStats.scenes.caption', { year: yearLabel })}
          stackOnPhones={false}
          renderCell={(cell) => {
            const count = counts.get(cell.id) ?? 0;
            const level = heatLevel(count, max);
            return level === 0 ? (
              <span className="heat heat--0" title={t('caseStats.scenes.frontierLabel', { scene: cell.name })}>
                <span className="heat__count" aria-hidden="true">
                  {t('caseStats.scenes.count', { count: 0 })}
                </span>
                <span className="heat__frontier">{t('caseStats.scenes.frontier')}</span>
              </span>
            ) : (
              <span
                className={`heat heat--${level}`}
                title={t('caseStats.scenes.cellLabel', { scene: cell.name, count })}
              >
                <span className="heat__count">{t('caseStats.scenes.count', { count })}</span>
              </span>
            );
          }}
        />
      </div>
      <p className="case-stats-note">
        {t('caseStats.scenes.legend')} {t('caseStats.scenes.frontierCount', { count: frontier })}
        {stats.unplacedCases > 0 && (
          <>
            <br />
            {t('caseStats.scenes.unplaced', { count: stats.unplacedCases })}
          </>
        )}
      </p>
    </>
  );
}
