import type { SheetLevel, SheetTemplate } from '../../../shared/sheets/template-schema.js';
import type { Language } from '../../lib/i18n/language.js';

/** A level or a difference as people read it: 3, 2.5, 0.5. */
export function formatLevelValue(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

/** A median always with one decimal (2.0, 3.5), so a column of medians lines up and reads as one kind of number. */
export function formatMedian(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

export type ChangeDirection = 'up' | 'down' | 'same';

export interface Change {
  direction: ChangeDirection;
  /** Current minus previous, rounded to one decimal so 0.1 + 0.2 does not show as 0.30000000000000004. */
  difference: number;
}

/** How an item moved between two medians. */
export function describeChange(previous: number, current: number): Change {
  const difference = Math.round((current - previous) * 10) / 10;
  return { direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'same', difference };
}

export const changeArrows: Record<ChangeDirection, string> = { up: '↑', down: '↓', same: '→' };

/** A signed difference: +0.5, −1, ±0. */
export function formatDifference(difference: number, language: Language): string {
  if (difference === 0) return '±0';
  const text = formatLevelValue(Math.abs(difference), language);
  return difference > 0 ? `+${text}` : `−${text}`;
}

/** 1, 2, … count: the levels of an item, to draw one thing per level. */
export function levelRange(count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => i + 1);
}

/** The levels of every item of a template by item key, to name a level by its label. */
export function levelsByItem(content: SheetTemplate): Map<string, readonly SheetLevel[]> {
  return new Map(content.sections.flatMap((section) => section.items.map((item) => [item.key, item.levels] as const)));
}

/**
 * The month a round opened, short enough for a chart's axis: 2025年6月 / Jun 2025. The day is a
 * Japanese calendar day (YYYY-MM-DD), read as such wherever the browser is.
 */
export function formatRoundMonth(day: string, language: Language): string {
  const [year = '', month = ''] = day.split('-');
  if (language === 'ja') return `${Number(year)}年${Number(month)}月`;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, 1));
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
