import { useTranslation } from 'react-i18next';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { SceneRadioGrid } from '../scene-grid/scene-radio-grid.js';

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
      <SceneRadioGrid
        grid={grid.data}
        value={value}
        onChange={onChange}
        caption={t('cases.fields.scene')}
        noneLabel={t('cases.form.sceneNone')}
      />
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
