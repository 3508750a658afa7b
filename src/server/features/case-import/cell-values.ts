import type { CaseMethod, PolicyField } from '../../../shared/cases/case-schema.js';
import {
  defaultLevelLabels,
  defaultStageLabels,
  type SceneGrid,
  type SceneId,
  type SceneLabel,
  sceneIdOf,
  sceneIds,
} from '../../../shared/cases/scene-grid.js';

/**
 * Reading the values of a case list's cells as municipalities write them: names, policy fields,
 * methods, dates in either calendar, amounts with their units, and scene cells.
 */

/** A name as the import compares it: NFKC, lower case, no spaces. Headers, words and departments alike. */
export const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export const policyWords: Record<string, PolicyField> = {
  窓口: 'counter',
  counter: 'counter',
  ict: 'ict',
  'ict・デジタル': 'ict',
  デジタル: 'ict',
  dx: 'ict',
  公共施設: 'facilities',
  施設: 'facilities',
  facilities: 'facilities',
  連携: 'collaboration',
  協働: 'collaboration',
  '連携・協働': 'collaboration',
  collaboration: 'collaboration',
  民間活用: 'private_sector',
  private_sector: 'private_sector',
  歳入: 'revenue',
  revenue: 'revenue',
  内部事務: 'internal_affairs',
  internal_affairs: 'internal_affairs',
  福祉: 'welfare',
  子育て: 'welfare',
  '福祉・子育て': 'welfare',
  welfare: 'welfare',
  防災: 'disaster',
  disaster: 'disaster',
  環境: 'environment',
  environment: 'environment',
  その他: 'other',
  other: 'other',
};

export const methodWords: Record<string, CaseMethod> = {
  やめる: 'stop',
  止める: 'stop',
  stop: 'stop',
  へらす: 'reduce',
  減らす: 'reduce',
  reduce: 'reduce',
  かえる: 'change',
  変える: 'change',
  change: 'change',
  ict: 'ict',
};

const eras: Record<string, number> = { 令和: 2018, r: 2018, 平成: 1988, h: 1988, 昭和: 1925, s: 1925 };

/** A day as YYYY-MM-DD from the ways lists write it: 2024/4/1, 2024年4月, 令和6年4月1日, R6.4.1, an Excel serial. */
export function parseDay(text: string): string | null {
  const s = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  let year: number;
  let month: number;
  let day: number;
  const western = s.match(/^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?$/);
  const japanese = s.match(/^(令和|平成|昭和|r|h|s)(元|\d{1,2})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?$/);
  if (western) {
    year = Number(western[1]);
    month = Number(western[2]);
    day = Number(western[3] ?? 1);
  } else if (japanese) {
    year = (eras[japanese[1] as string] as number) + (japanese[2] === '元' ? 1 : Number(japanese[2]));
    month = Number(japanese[3]);
    day = Number(japanese[4] ?? 1);
  } else if (/^\d{5}$/.test(s) && Number(s) > 20_000 && Number(s) < 80_000) {
    // Days since 1899-12-30, as a spreadsheet stores a date that was exported as a number.
    const date = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000);
    return date.toISOString().slice(0, 10);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A number as lists write it: 1,200 / １２００ / 120時間 / ¥12,000 / 12,000円. */
export function parseAmount(text: string): number | null {
  const s = text
    .normalize('NFKC')
    .replace(/[,\s¥￥]|円|時間|h$|枚|分|人/g, '')
    .trim();
  if (s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/**
 * Reads a scene cell as lists write it: a stage and a level in the organisation's labels or the
 * default ones, Japanese or English, in either order and with any separator (職場・改善, 職場×改善,
 * 改善（職場）, Workplace / Improvement), or the cell id itself (workplace-improvement).
 */
export function sceneReader(grid: SceneGrid): (text: string) => SceneId | null {
  const words = <T extends string>(items: { id: T; label: SceneLabel }[], defaults: Record<T, SceneLabel>) =>
    items
      .flatMap((item) =>
        [item.label.ja, item.label.en, defaults[item.id].ja, defaults[item.id].en, item.id].map((w) => ({
          id: item.id,
          word: normalise(w),
        })),
      )
      .filter((w) => w.word !== '')
      // Longer words first, so 不具合解消 is read before a label it contains.
      .sort((a, b) => b.word.length - a.word.length);
  const stages = words(grid.stages, defaultStageLabels);
  const levels = words(grid.levels, defaultLevelLabels);
  return (text) => {
    const s = normalise(text);
    if ((sceneIds as string[]).includes(s)) return s as SceneId;
    const stage = stages.find((w) => s.includes(w.word));
    if (!stage) return null;
    // The stage's word is taken out first, so a level word inside it is not read twice.
    const rest = s.replace(stage.word, '/');
    const level = levels.find((w) => rest.includes(w.word));
    return level ? sceneIdOf(stage.id, level.id) : null;
  };
}
