import { caseMethods, effectKinds, policyFields } from '../../../shared/cases/case-schema.js';
import { sceneIds } from '../../../shared/cases/scene-grid.js';
import { type CaseStats, caseStatsTrendYears } from '../../../shared/cases/stats-schema.js';
import { dayInJapan, fiscalYearOfDay } from '../../../shared/common/japan-days.js';
import type { OrgContext } from '../../lib/context.js';
import * as repo from './repo.js';

/** The fiscal year of today in Japan: the default the statistics open on. */
export function currentFiscalYear(now: Date): number {
  return fiscalYearOfDay(dayInJapan(now));
}

/** April of the fiscal year to March of the next calendar year. */
export function monthsOf(fiscalYear: number): { year: number; month: number }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    return { year: month >= 4 ? fiscalYear : fiscalYear + 1, month };
  });
}

function tally<K>(cells: repo.CaseCell[], keyOf: (cell: repo.CaseCell) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const cell of cells) counts.set(keyOf(cell), (counts.get(keyOf(cell)) ?? 0) + cell.n);
  return counts;
}

/** Every value of a closed list in its order, zeros included, and then null when cases have none. */
function withEveryValue<V extends string>(values: readonly V[], counts: Map<V | null, number>) {
  const rows: { value: V | null; count: number }[] = values.map((value) => ({ value, count: counts.get(value) ?? 0 }));
  const unset = counts.get(null) ?? 0;
  if (unset > 0) rows.push({ value: null, count: unset });
  return rows;
}

/** Splits the grouped cells of a year by department, month, scene, policy field and method. */
export function summarizeCells(fiscalYear: number, cells: repo.CaseCell[]) {
  const departments = new Map<string, { departmentId: string | null; departmentName: string | null; count: number }>();
  for (const cell of cells) {
    const key = cell.departmentId ?? `name:${cell.departmentName ?? ''}`;
    const entry = departments.get(key) ?? {
      departmentId: cell.departmentId,
      departmentName: cell.departmentName,
      count: 0,
    };
    entry.count += cell.n;
    departments.set(key, entry);
  }
  const byDepartment = [...departments.values()].sort(
    (a, b) =>
      b.count - a.count ||
      // Cases without a department go last among equals.
      Number(a.departmentName === null) - Number(b.departmentName === null) ||
      (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'ja'),
  );
  const months = tally(cells, (c) => c.month);
  const scenes = tally(cells, (c) => c.sceneId);
  return {
    totalCases: cells.reduce((sum, c) => sum + c.n, 0),
    byDepartment,
    byMonth: monthsOf(fiscalYear).map((m) => ({ ...m, count: months.get(m.month) ?? 0 })),
    scenes: sceneIds.map((sceneId) => ({ sceneId, count: scenes.get(sceneId) ?? 0 })),
    unplacedCases: scenes.get(null) ?? 0,
    byPolicyField: withEveryValue(
      policyFields,
      tally(cells, (c) => c.policyField),
    ).map(({ value, count }) => ({ policyField: value, count })),
    byMethod: withEveryValue(
      caseMethods,
      tally(cells, (c) => c.method),
    ).map(({ value, count }) => ({ method: value, count })),
  };
}

/** The statistics of the organisation's published cases in one fiscal year, with the five-year trend. */
export async function getCaseStats(ctx: OrgContext, fiscalYear = currentFiscalYear(ctx.now())): Promise<CaseStats> {
  const { db, scope } = ctx;
  const firstYear = fiscalYear - caseStatsTrendYears + 1;
  const [cells, effects, reporters, members, awards, yearCounts, yearEffects, yearsWithCases] = await Promise.all([
    repo.caseCells(db, scope, fiscalYear),
    repo.effectTotals(db, scope, fiscalYear),
    repo.countReporters(db, scope, fiscalYear),
    repo.countMembers(db, scope),
    repo.listAwards(db, scope, fiscalYear),
    repo.countByYear(db, scope, firstYear, fiscalYear),
    repo.effectsByYear(db, scope, firstYear, fiscalYear, ['hours_per_year', 'yen_per_year']),
    repo.listYearsWithCases(db, scope),
  ]);
  const effectOf = new Map(effects.map((e) => [e.kind, e]));
  const sumFor = (year: number, kind: string) =>
    yearEffects.find((e) => e.fiscalYear === year && e.kind === kind)?.actual ?? 0;
  return {
    fiscalYear,
    yearsWithCases,
    ...summarizeCells(fiscalYear, cells),
    participation: { reporters, members },
    effects: effectKinds.map((kind) => {
      const found = effectOf.get(kind);
      // Each `other` effect has its own unit, so adding them up would mean nothing.
      const summable = kind !== 'other';
      return {
        kind,
        cases: found?.cases ?? 0,
        actual: summable ? (found?.actual ?? null) : null,
        target: summable ? (found?.target ?? null) : null,
      };
    }),
    awards,
    trend: Array.from({ length: caseStatsTrendYears }, (_, i) => {
      const year = firstYear + i;
      return {
        fiscalYear: year,
        count: yearCounts.find((y) => y.fiscalYear === year)?.n ?? 0,
        hoursPerYear: sumFor(year, 'hours_per_year'),
        yenPerYear: sumFor(year, 'yen_per_year'),
      };
    }),
  };
}
