import { z } from 'zod';
import { requiredTextSchema } from '../common/schema.js';

/**
 * The 12 scenes of improvement (改善活動の12場面): stage (how far the change reaches) × change level
 * (how deep it goes). Cases, plans and career-map entries are placed on a cell. The ids are fixed;
 * an organisation may rename the labels, never the ids, so data placed on a cell keeps its place.
 */

/** Narrow to wide: the columns of the grid. */
export const sceneStages = ['individual', 'workplace', 'government', 'region'] as const;
export type SceneStage = (typeof sceneStages)[number];

/** Low to high: the rows of the grid. */
export const sceneLevels = ['fix', 'improvement', 'innovation'] as const;
export type SceneLevel = (typeof sceneLevels)[number];

export type SceneId = `${SceneStage}-${SceneLevel}`;

export const sceneIds = sceneStages.flatMap((stage) => sceneLevels.map((level) => `${stage}-${level}` as SceneId));
export const sceneIdSchema = z.enum(sceneIds as [SceneId, ...SceneId[]]);

export function sceneIdOf(stage: SceneStage, level: SceneLevel): SceneId {
  return `${stage}-${level}`;
}

export function parseSceneId(id: SceneId): { stage: SceneStage; level: SceneLevel } {
  const [stage, level] = id.split('-') as [SceneStage, SceneLevel];
  return { stage, level };
}

export const sceneAxes = ['stage', 'level'] as const;
export type SceneAxis = (typeof sceneAxes)[number];

export interface SceneLabel {
  ja: string;
  en: string;
}

export const defaultStageLabels: Record<SceneStage, SceneLabel> = {
  individual: { ja: '個人', en: 'Individual' },
  workplace: { ja: '職場', en: 'Workplace' },
  government: { ja: '役所全体', en: 'Whole government' },
  region: { ja: '地域', en: 'Region' },
};

export const defaultLevelLabels: Record<SceneLevel, SceneLabel> = {
  fix: { ja: '不具合解消', en: 'Fixing defects' },
  improvement: { ja: '改善', en: 'Improvement' },
  innovation: { ja: '革新', en: 'Innovation' },
};

/** Short enough to head a column on a phone; no control characters. */
export const sceneLabelMaxLength = 20;
const labelText = requiredTextSchema(sceneLabelMaxLength);
export const sceneLabelSchema = z.strictObject({ ja: labelText, en: labelText });

/** An organisation's grid: every stage and level with its label. */
export const sceneGridSchema = z.strictObject({
  stages: z.array(z.strictObject({ id: z.enum(sceneStages), label: sceneLabelSchema, renamed: z.boolean() })),
  levels: z.array(z.strictObject({ id: z.enum(sceneLevels), label: sceneLabelSchema, renamed: z.boolean() })),
});
export type SceneGrid = z.infer<typeof sceneGridSchema>;

/** New labels for some stages and levels; a label equal to the default clears the override. */
export const updateSceneGridSchema = z.strictObject({
  stages: z.partialRecord(z.enum(sceneStages), sceneLabelSchema).default({}),
  levels: z.partialRecord(z.enum(sceneLevels), sceneLabelSchema).default({}),
});
export type UpdateSceneGridInput = z.infer<typeof updateSceneGridSchema>;

/** The grid with an organisation's own labels laid over the defaults. */
export function buildSceneGrid(overrides: { axis: SceneAxis; key: string; ja: string; en: string }[]): SceneGrid {
  const find = (axis: SceneAxis, key: string) => overrides.find((o) => o.axis === axis && o.key === key);
  return {
    stages: sceneStages.map((id) => {
      const own = find('stage', id);
      return { id, label: own ? { ja: own.ja, en: own.en } : defaultStageLabels[id], renamed: Boolean(own) };
    }),
    levels: sceneLevels.map((id) => {
      const own = find('level', id);
      return { id, label: own ? { ja: own.ja, en: own.en } : defaultLevelLabels[id], renamed: Boolean(own) };
    }),
  };
}

/** A cell's label, e.g. 「職場 × 改善」. */
export function sceneLabel(grid: SceneGrid, id: SceneId, language: 'ja' | 'en'): string {
  const { stage, level } = parseSceneId(id);
  const s = grid.stages.find((x) => x.id === stage)?.label[language] ?? stage;
  const l = grid.levels.find((x) => x.id === level)?.label[language] ?? level;
  return `${s} × ${l}`;
}

/** The label a stage or level has when the organisation has not renamed it. */
export function defaultSceneLabel(axis: SceneAxis, key: string): SceneLabel | undefined {
  const labels: Record<string, SceneLabel> = axis === 'stage' ? defaultStageLabels : defaultLevelLabels;
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

function sameText(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  return fold(a) === fold(b);
}

export interface DuplicateSceneLabel {
  axis: SceneAxis;
  key: string;
  language: keyof SceneLabel;
}

/**
 * Labels that two stages (or two levels) share in one language. A grid whose columns read
 * 職場 · 職場 could not tell people where a case belongs, so every label of such a pair is returned.
 */
export function findDuplicateSceneLabels(grid: SceneGrid): DuplicateSceneLabel[] {
  const found: DuplicateSceneLabel[] = [];
  const axes = [
    ['stage', grid.stages],
    ['level', grid.levels],
  ] as const;
  for (const [axis, entries] of axes) {
    for (const language of ['ja', 'en'] as const) {
      for (const entry of entries) {
        const clash = entries.some(
          (other) => other.id !== entry.id && sameText(other.label[language], entry.label[language]),
        );
        if (clash) found.push({ axis, key: entry.id, language });
      }
    }
  }
  return found;
}
