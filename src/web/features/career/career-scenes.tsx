import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { buildSceneGrid, type SceneGrid, type SceneId } from '../../../shared/cases/scene-grid.js';
import { pickHomeOrg } from '../../lib/last-org.js';
import { useMe } from '../../lib/session.js';
import { heatLevel } from '../case-stats/scene-heat-map.js';
import { sceneGridQueryOptions } from '../scene-grid/scene-grid-queries.js';
import { SceneGridTable } from '../scene-grid/scene-grid-table.js';
import { SceneRadioGrid } from '../scene-grid/scene-radio-grid.js';
import type { SceneCounts } from './career-timeline.js';

const defaultGrid = buildSceneGrid([]);

/**
 * The grid to draw a career map on. A map crosses organisations, but the cell ids are the same
 * everywhere: it wears the labels of the organisation the reader works in now (the one the app
 * opens), and the default labels for someone with no organisation.
 */
export function useCareerSceneGrid(): SceneGrid {
  const me = useMe();
  const orgId = pickHomeOrg(me);
  const query = useQuery({ ...sceneGridQueryOptions(orgId ?? ''), enabled: Boolean(orgId) });
  return query.data ?? defaultGrid;
}

/** The 12 scenes with the number of entries and cases in each, shaded like the statistics' heat map. */
export function CareerSceneCounts({ grid, counts }: { grid: SceneGrid; counts: SceneCounts }) {
  const { t } = useTranslation();
  const totals = Object.values(counts).map((c) => c.entries + c.cases);
  const max = Math.max(0, ...totals);
  return (
    <div className="case-stats-heat career-grid">
      <SceneGridTable
        grid={grid}
        caption={t('career.grid.caption')}
        stackOnPhones={false}
        renderCell={(cell) => {
          const { entries, cases } = counts[cell.id];
          const level = heatLevel(entries + cases, max);
          return (
            <span
              className={`heat heat--${level}`}
              title={t('career.grid.cellName', { scene: cell.name, entries, cases })}
            >
              <span className="heat__count">{entries + cases}</span>
              {level > 0 && (
                <span className="career-grid__split">
                  <span>{t('career.grid.cellEntries', { count: entries })}</span>
                  <span>{t('career.grid.cellCases', { count: cases })}</span>
                </span>
              )}
            </span>
          );
        }}
      />
    </div>
  );
}

/**
 * The scene of an entry: one radio group laid out as the 4 × 3 grid (as on a case's form), plus
 * 「選ばない」; arrow keys move between cells as in any radio group.
 */
export function CareerScenePicker({
  grid,
  value,
  onChange,
  error,
}: {
  grid: SceneGrid;
  value: SceneId | '';
  onChange: (value: SceneId | '') => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--error' : ''].filter(Boolean).join(' ')}
      id="career-sceneId"
    >
      <legend className="field__label">{t('career.form.scene')}</legend>
      <p className="field__hint">{t('career.form.sceneHint')}</p>
      <SceneRadioGrid
        grid={grid}
        value={value}
        onChange={onChange}
        caption={t('career.form.scene')}
        noneLabel={t('career.form.sceneNone')}
      />
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
