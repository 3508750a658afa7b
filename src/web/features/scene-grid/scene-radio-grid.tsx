import type { SceneGrid, SceneId } from '../../../shared/cases/scene-grid.js';
import { SceneGridTable } from './scene-grid-table.js';

/**
 * One scene chosen on the 4 × 3 grid: a radio group laid out as the grid (each cell named by its
 * stage and level, arrow keys moving between cells), plus a 「選ばない」 choice. The caller puts it
 * in its own fieldset with its legend and hint.
 */
export function SceneRadioGrid({
  grid,
  value,
  onChange,
  caption,
  noneLabel,
}: {
  grid: SceneGrid | undefined;
  value: SceneId | '';
  onChange: (value: SceneId | '') => void;
  caption: string;
  noneLabel: string;
}) {
  return (
    <>
      {grid && (
        <div className="scene-picker">
          <SceneGridTable
            grid={grid}
            caption={caption}
            renderCell={(cell) => (
              <label className="scene-picker__cell">
                <input
                  type="radio"
                  name="sceneId"
                  value={cell.id}
                  checked={value === cell.id}
                  onChange={() => onChange(cell.id)}
                />
                <span className="scene-picker__name">{cell.name}</span>
              </label>
            )}
          />
        </div>
      )}
      <div className="case-choices">
        <label className="case-choice">
          <input type="radio" name="sceneId" value="" checked={value === ''} onChange={() => onChange('')} />
          <span>{noneLabel}</span>
        </label>
      </div>
    </>
  );
}
