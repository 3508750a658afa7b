import type { CareerCase, CareerEntry, CareerMap } from '../../../shared/career/career-schema.js';
import {
  parseSceneId,
  type SceneId,
  type SceneLevel,
  type SceneStage,
  sceneIds,
  sceneLevels,
  sceneStages,
} from '../../../shared/cases/scene-grid.js';
import { fiscalYearOfDay } from '../../../shared/common/japan-days.js';

/**
 * What the career map page computes from a map, with no I/O: the timeline by fiscal year, the
 * count per scene, and how the stage widened (越境) and the level rose over the years.
 */

export type TimelineItem =
  | { type: 'entry'; key: string; day: string; sceneId: SceneId | null; entry: CareerEntry }
  | { type: 'case'; key: string; day: string; sceneId: SceneId | null; case: CareerCase };

export interface TimelineYear {
  fiscalYear: number;
  items: TimelineItem[];
}

function itemsOf(map: CareerMap): TimelineItem[] {
  return [
    ...map.entries.map((entry) => ({
      type: 'entry' as const,
      key: `entry:${entry.id}`,
      day: entry.startedOn,
      sceneId: entry.sceneId,
      entry,
    })),
    ...map.cases.map((c) => ({
      type: 'case' as const,
      key: `case:${c.id}`,
      day: c.happenedOn,
      sceneId: c.sceneId,
      case: c,
    })),
  ];
}

/** Entries and cases together, newest first, under the fiscal year (April to March) they began in. */
export function groupByFiscalYear(map: CareerMap): TimelineYear[] {
  const sorted = itemsOf(map).sort((a, b) => b.day.localeCompare(a.day) || a.key.localeCompare(b.key));
  const years: TimelineYear[] = [];
  for (const item of sorted) {
    const fiscalYear = fiscalYearOfDay(item.day);
    const last = years.at(-1);
    if (last?.fiscalYear === fiscalYear) last.items.push(item);
    else years.push({ fiscalYear, items: [item] });
  }
  return years;
}

export type SceneCounts = Record<SceneId, { entries: number; cases: number }>;

/** How many entries and cases sit on each of the 12 scenes. */
export function countByScene(map: CareerMap): SceneCounts {
  const counts = Object.fromEntries(sceneIds.map((id) => [id, { entries: 0, cases: 0 }])) as SceneCounts;
  for (const entry of map.entries) if (entry.sceneId) counts[entry.sceneId].entries += 1;
  for (const c of map.cases) if (c.sceneId) counts[c.sceneId].cases += 1;
  return counts;
}

export interface GrowthYear {
  fiscalYear: number;
  /** The widest stage reached up to and including this year (null before anything was placed). */
  widestStage: SceneStage | null;
  /** The highest change level reached up to and including this year. */
  highestLevel: SceneLevel | null;
}

export interface Growth {
  /** Every fiscal year from the first placed item to the last, oldest first. */
  years: GrowthYear[];
  /** Where the person started: the stage and level of the earliest placed item. */
  start: { stage: SceneStage; level: SceneLevel; fiscalYear: number } | null;
  /** The widest stage reached and the year it was first reached. */
  widest: { stage: SceneStage; fiscalYear: number } | null;
  /** The highest level reached and the year it was first reached. */
  highest: { level: SceneLevel; fiscalYear: number } | null;
  /** How many stages wider the widest is than the first: 越境 counted in steps. */
  stageSteps: number;
  levelSteps: number;
}

const stageRank = (stage: SceneStage) => sceneStages.indexOf(stage);
const levelRank = (level: SceneLevel) => sceneLevels.indexOf(level);

/**
 * How the person's stage widened and level rose: the running maximum per fiscal year over the
 * entries and cases placed on the grid, oldest first.
 */
export function describeGrowth(map: CareerMap): Growth {
  const placed = itemsOf(map)
    .filter((item): item is TimelineItem & { sceneId: SceneId } => item.sceneId !== null)
    .map((item) => ({ fiscalYear: fiscalYearOfDay(item.day), day: item.day, ...parseSceneId(item.sceneId) }))
    .sort((a, b) => a.day.localeCompare(b.day));
  const first = placed[0];
  const last = placed.at(-1);
  if (!first || !last) return { years: [], start: null, widest: null, highest: null, stageSteps: 0, levelSteps: 0 };

  const years: GrowthYear[] = [];
  let widest: Growth['widest'] = null;
  let highest: Growth['highest'] = null;
  for (let fiscalYear = first.fiscalYear; fiscalYear <= last.fiscalYear; fiscalYear += 1) {
    for (const item of placed.filter((p) => p.fiscalYear === fiscalYear)) {
      if (!widest || stageRank(item.stage) > stageRank(widest.stage)) widest = { stage: item.stage, fiscalYear };
      if (!highest || levelRank(item.level) > levelRank(highest.level)) highest = { level: item.level, fiscalYear };
    }
    years.push({ fiscalYear, widestStage: widest?.stage ?? null, highestLevel: highest?.level ?? null });
  }
  const start = { stage: first.stage, level: first.level, fiscalYear: first.fiscalYear };
  return {
    years,
    start,
    widest,
    highest,
    stageSteps: widest ? stageRank(widest.stage) - stageRank(start.stage) : 0,
    levelSteps: highest ? levelRank(highest.level) - levelRank(start.level) : 0,
  };
}

export { levelRank, stageRank };
