import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareerEntry, CareerMap } from '../../../shared/career/career-schema.js';
import type { SceneGrid } from '../../../shared/cases/scene-grid.js';
import { EmptyState } from '../../components/empty-state.js';
import { formatNumber } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';
import { CareerGrowth } from './career-growth.js';
import { CareerSceneCounts } from './career-scenes.js';
import { countByScene, describeGrowth, groupByFiscalYear } from './career-timeline.js';
import { CareerTimeline } from './career-timeline-view.js';
import '../case-stats/case-stats.css';
import './career.css';

interface CareerMapViewProps {
  map: CareerMap;
  grid: SceneGrid;
  /** The owner's edit and delete; a shared map is shown without them. */
  onEdit?: ((entry: CareerEntry) => void) | undefined;
  onDelete?: ((entry: CareerEntry) => void) | undefined;
  /** What to show in an empty timeline (the owner is invited to add an entry). */
  emptyAction?: ReactNode;
}

/** A career map as its owner and a facilitator read it: the totals, reach and depth, the grid, the timeline. */
export function CareerMapView({ map, grid, onEdit, onDelete, emptyAction }: CareerMapViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const years = groupByFiscalYear(map);
  const counts = countByScene(map);
  const growth = describeGrowth(map);
  const unplaced = map.entries.filter((e) => !e.sceneId).length + map.cases.filter((c) => !c.sceneId).length;

  return (
    <div className="career-map">
      <dl className="stats career-figures">
        <div className="stat">
          <dt>{t('career.summary.entries')}</dt>
          <dd>
            <span className="stat__value">{formatNumber(map.entries.length, language)}</span>
            {t('career.summary.unit') && <span className="stat__unit">{t('career.summary.unit')}</span>}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('career.summary.cases')}</dt>
          <dd>
            <span className="stat__value">{formatNumber(map.cases.length, language)}</span>
            {t('career.summary.unit') && <span className="stat__unit">{t('career.summary.unit')}</span>}
          </dd>
        </div>
      </dl>

      <section className="panel career-section" aria-labelledby="career-growth">
        <h2 id="career-growth" className="panel__title">
          {t('career.growth.title')}
        </h2>
        <p className="career-note">{t('career.growth.lead')}</p>
        <CareerGrowth growth={growth} grid={grid} />
      </section>

      <section className="panel career-section" aria-labelledby="career-grid">
        <h2 id="career-grid" className="panel__title">
          {t('career.grid.title')}
        </h2>
        <p className="career-note">{t('career.grid.lead')}</p>
        <CareerSceneCounts grid={grid} counts={counts} />
        {unplaced > 0 && <p className="career-note">{t('career.grid.notPlaced', { count: unplaced })}</p>}
      </section>

      <section className="panel career-section career-section--timeline" aria-labelledby="career-timeline">
        <h2 id="career-timeline" className="panel__title">
          {t('career.timeline.title')}
        </h2>
        <p className="career-note">{t('career.timeline.lead')}</p>
        {years.length === 0 ? (
          <EmptyState action={emptyAction}>
            {onEdit ? t('career.timeline.empty') : t('career.timeline.emptyShared')}
          </EmptyState>
        ) : (
          <CareerTimeline years={years} grid={grid} onEdit={onEdit} onDelete={onDelete} />
        )}
      </section>
    </div>
  );
}
