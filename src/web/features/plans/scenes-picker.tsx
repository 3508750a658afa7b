import { useTranslation } from 'react-i18next';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { SceneGridTable } from '../scene-grid/scene-grid-table.js';
import { planFieldId } from './plan-form-values.js';

/**
 * The scenes a plan works in, as checkboxes laid out on the 4 × 3 grid; each is named by its stage
 * and level, so the choice reads the same without seeing the grid.
 */
export function ScenesPicker({
  orgId,
  value,
  onChange,
  error,
}: {
  orgId: string;
  value: SceneId[];
  onChange: (value: SceneId[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const grid = useSceneGrid(orgId);
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--error' : ''].filter(Boolean).join(' ')}
      id={planFieldId('scenes')}
    >
      <legend className="field__label">{t('plans.fields.scenes')}</legend>
      <p className="field__hint">{t('plans.form.scenesHint')}</p>
      {grid.isPending && <Loading minHeight={48} />}
      {grid.isError && <QueryError error={grid.error} onRetry={() => void grid.refetch()} />}
      {grid.data && (
        <div className="scene-picker">
          <SceneGridTable
            grid={grid.data}
            caption={t('plans.fields.scenes')}
            renderCell={(cell) => (
              <label className="scene-picker__cell">
                <input
                  type="checkbox"
                  value={cell.id}
                  checked={value.includes(cell.id)}
                  onChange={(event) =>
                    onChange(event.target.checked ? [...value, cell.id] : value.filter((id) => id !== cell.id))
                  }
                />
                <span className="scene-picker__name">{cell.name}</span>
              </label>
            )}
          />
        </div>
      )}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
