/**
 * Calendar days in Japan (UTC+9, no daylight saving), as YYYY-MM-DD: rounds open and close on
 * them, cases happen on them, and fiscal years (年度, April to March) are counted from them.
 */

/** The day in Japan of a moment, moved by whole days. */
export function dayInJapan(moment: Date, plusDays = 0): string {
  return new Date(moment.getTime() + 9 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** 年度 of a day: April to March, so 2027-03-31 belongs to 2026年度. */
export function fiscalYearOfDay(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}
