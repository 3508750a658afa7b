import type { TFunction } from 'i18next';
import {
  buildSceneGrid,
  defaultLevelLabels,
  defaultStageLabels,
  findDuplicateSceneLabels,
  type SceneGrid,
  type SceneLabel,
  type SceneLevel,
  type SceneStage,
  sceneLabelMaxLength,
  type UpdateSceneGridInput,
} from '../../../shared/cases/scene-grid.js';
import type { FieldErrors } from '../../lib/validation.js';

/** The rename form's state: every label of both axes, as typed. */
export interface SceneGridValues {
  stages: Record<SceneStage, SceneLabel>;
  levels: Record<SceneLevel, SceneLabel>;
}

/** The field key of one label, the same shape as the server's error path without `body.`. */
export type SceneLabelField = `${'stages' | 'levels'}.${string}.${keyof SceneLabel}`;

export function valuesFromGrid(grid: SceneGrid): SceneGridValues {
  return {
    stages: Object.fromEntries(grid.stages.map((s) => [s.id, s.label])) as SceneGridValues['stages'],
    levels: Object.fromEntries(grid.levels.map((l) => [l.id, l.label])) as SceneGridValues['levels'],
  };
}

const trimmed = (label: SceneLabel): SceneLabel => ({ ja: label.ja.trim(), en: label.en.trim() });

/** Every label is sent: the server keeps what is unchanged and drops renames equal to the default. */
export function sceneGridPayload(values: SceneGridValues): UpdateSceneGridInput {
  const each = <K extends string>(labels: Record<K, SceneLabel>) =>
    Object.fromEntries(Object.entries<SceneLabel>(labels).map(([key, label]) => [key, trimmed(label)])) as Record<
      K,
      SceneLabel
    >;
  return { stages: each(values.stages), levels: each(values.levels) };
}

export function isDefaultLabel(axis: 'stages' | 'levels', key: string, label: SceneLabel): boolean {
  const defaults: Record<string, SceneLabel> = axis === 'stages' ? defaultStageLabels : defaultLevelLabels;
  const fallback = defaults[key];
  return fallback !== undefined && fallback.ja === label.ja.trim() && fallback.en === label.en.trim();
}

/** The checks the server makes, first here so each message appears at its field before sending. */
export function validateSceneGrid(values: SceneGridValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const axis of ['stages', 'levels'] as const) {
    for (const [key, label] of Object.entries<SceneLabel>(values[axis])) {
      for (const language of ['ja', 'en'] as const) {
        const text = label[language].trim();
        const field: SceneLabelField = `${axis}.${key}.${language}`;
        if (!text) errors[field] = t('sceneGrid.errors.required');
        else if (text.length > sceneLabelMaxLength) {
          errors[field] = t('sceneGrid.errors.tooLong', { max: sceneLabelMaxLength });
        }
      }
    }
  }
  const overrides = [
    ...Object.entries<SceneLabel>(values.stages).map(([key, l]) => ({ axis: 'stage' as const, key, ...trimmed(l) })),
    ...Object.entries<SceneLabel>(values.levels).map(([key, l]) => ({ axis: 'level' as const, key, ...trimmed(l) })),
  ];
  for (const duplicate of findDuplicateSceneLabels(buildSceneGrid(overrides))) {
    const field: SceneLabelField = `${duplicate.axis === 'stage' ? 'stages' : 'levels'}.${duplicate.key}.${duplicate.language}`;
    errors[field] ??= t('sceneGrid.errors.duplicate');
  }
  return errors;
}

/** The server's field errors keyed like the form's fields (`body.stages.region.ja` → `stages.region.ja`). */
export function sceneGridErrorsFrom(
  problems: readonly { path: string; messages?: { ja: string; en: string } | undefined }[],
  language: 'ja' | 'en',
  fallback: string,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const field = problem.path.replace(/^body\./, '');
    errors[field] ??= problem.messages?.[language] ?? fallback;
  }
  return errors;
}
