import { useTranslation } from 'react-i18next';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { SceneGridTable } from '../scene-grid/scene-grid-table.js';

/**
 * The scene of a case as one radio group laid out as the 4 × 3 grid: each cell a radio named by
 * its stage and level, plus 「選ばない」. Arrow keys move between cells as in any radio group.
 */
export function ScenePicker({
  orgId,
  value,
  onChange,
  error,
}: {
  orgId: string;
  value: SceneId | '';
  onChange: (value: SceneId | '') => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const grid = useSceneGrid(orgId);
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--error' : ''].filter(Boolean).join(' ')}
      id="case-sceneId"
    >
      <legend className="field__label">{t('cases.fields.scene')}</legend>
      <p className="field__hint">{t('cases.form.sceneHint')}</p>
      {grid.isPending && <Loading minHeight={48} label={t('cases.form.sceneLoading')} />}
      {grid.isError && <QueryError error={grid.error} onRetry={() => void grid.refetch()} />}
      {grid.data && (
        <div className="scene-picker">
          <SceneGridTable
            grid={grid.data}
            caption={t('cases.fields.scene')}
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
          <span>{t('cases.form.sceneNone')}</span>
        </label>
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
