import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type SceneGrid, type SceneId, sceneIdOf, sceneLabel } from '../../../shared/cases/scene-grid.js';
import { useLanguage } from '../../lib/problems.js';
import './scene-grid.css';

export interface SceneCell {
  id: SceneId;
  stage: SceneGrid['stages'][number];
  level: SceneGrid['levels'][number];
  /** 「職場 × 改善」 in the page's language, for titles and accessible names. */
  name: string;
}

interface SceneGridTableProps {
  grid: SceneGrid;
  caption: string;
  /** Shows the caption above the table; hidden, it still names the table for screen readers. */
  captionVisible?: boolean;
  /** What each cell holds (a count, a heat shade, entries); empty cells when left out. */
  renderCell?: (cell: SceneCell) => ReactNode;
  /**
   * On phones each level becomes a card listing its stages (the default, for cells with words);
   * false keeps the 4 × 3 shape, for short values such as counts whose pattern is the point.
   */
  stackOnPhones?: boolean;
}

/**
 * The 12 scenes as a table: stages as columns, narrow to wide; change levels as rows, low to high.
 * Every cell is reachable by its row and column headers, so a screen reader names its scene.
 */
export function SceneGridTable({
  grid,
  caption,
  captionVisible = false,
  renderCell,
  stackOnPhones = true,
}: SceneGridTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className={`scene-grid${stackOnPhones ? ' scene-grid--stack' : ''}`}>
      <table className="scene-grid__table">
        <caption className={captionVisible ? 'scene-grid__caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="scene-grid__corner">
              <span className="scene-grid__axis">{t('sceneGrid.axes.level')}</span>
              <span aria-hidden="true"> ＼ </span>
              <span className="scene-grid__axis">{t('sceneGrid.axes.stage')}</span>
            </th>
            {grid.stages.map((stage) => (
              <th key={stage.id} scope="col">
                {stage.label[language]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.levels.map((level) => (
            <tr key={level.id}>
              <th scope="row" className="scene-grid__level">
                {level.label[language]}
              </th>
              {grid.stages.map((stage) => {
                const id = sceneIdOf(stage.id, level.id);
                return (
                  <td key={id} data-label={stage.label[language]} data-scene={id}>
                    {renderCell?.({ id, stage, level, name: sceneLabel(grid, id, language) })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
