import { describe, expect, it } from 'vitest';
import type { CareerMap } from '../../../shared/career/career-schema.js';
import { countByScene, describeGrowth, groupByFiscalYear } from './career-timeline.js';

const entry = (id: string, startedOn: string, sceneId: string | null) => ({
  id,
  kind: 'project' as const,
  title: id,
  description: '',
  startedOn,
  endedOn: null,
  orgName: '',
  departmentName: '',
  sceneId: sceneId as CareerMap['entries'][number]['sceneId'],
  reflection: '',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const reported = (id: string, happenedOn: string, sceneId: string | null) => ({
  id,
  orgId: id,
  orgName: 'デモ市',
  title: id,
  happenedOn,
  sceneId: sceneId as CareerMap['cases'][number]['sceneId'],
  departmentName: null,
  status: 'published' as const,
});

const map: CareerMap = {
  person: { id: 'p', displayName: '窓口 さくら' },
  entries: [entry('region', '2026-05-01', 'region-improvement'), entry('seminar', '2025-03-31', null)],
  cases: [reported('first', '2023-04-01', 'individual-fix'), reported('team', '2025-04-01', 'workplace-innovation')],
  shares: [],
};

describe('the career timeline', () => {
  it('groups entries and cases by fiscal year (April to March), newest first', () => {
    const years = groupByFiscalYear(map);
    expect(years.map((y) => y.fiscalYear)).toEqual([2026, 2025, 2024, 2023]);
    expect(years[3]?.items.map((i) => i.key)).toEqual(['case:first']);
    // 31 March 2025 still belongs to 2024年度.
    expect(years[2]?.items.map((i) => i.key)).toEqual(['entry:seminar']);
  });

  it('counts entries and cases per scene, leaving out what has no scene', () => {
    const counts = countByScene(map);
    expect(counts['region-improvement']).toEqual({ entries: 1, cases: 0 });
    expect(counts['individual-fix']).toEqual({ entries: 0, cases: 1 });
    const total = Object.values(counts).reduce((sum, c) => sum + c.entries + c.cases, 0);
    expect(total).toBe(3);
  });

  it('reads how the stage widened and the level rose, year by year, with the years in between', () => {
    const growth = describeGrowth(map);
    expect(growth.years).toEqual([
      { fiscalYear: 2023, widestStage: 'individual', highestLevel: 'fix' },
      { fiscalYear: 2024, widestStage: 'individual', highestLevel: 'fix' },
      { fiscalYear: 2025, widestStage: 'workplace', highestLevel: 'innovation' },
      { fiscalYear: 2026, widestStage: 'region', highestLevel: 'innovation' },
    ]);
    expect(growth.start).toEqual({ stage: 'individual', level: 'fix', fiscalYear: 2023 });
    expect(growth.widest).toEqual({ stage: 'region', fiscalYear: 2026 });
    expect(growth.highest).toEqual({ level: 'innovation', fiscalYear: 2025 });
    expect([growth.stageSteps, growth.levelSteps]).toEqual([3, 2]);
  });

  it('has nothing to read from a map with nothing on the grid', () => {
    const growth = describeGrowth({ ...map, entries: [entry('seminar', '2025-03-31', null)], cases: [] });
    expect(growth).toMatchObject({ years: [], start: null, widest: null, stageSteps: 0 });
  });
});
