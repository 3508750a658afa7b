import type { CaseMethod, EffectKind, PolicyField } from '../../../shared/cases/case-schema.js';
import { parseSceneId, type SceneGrid } from '../../../shared/cases/scene-grid.js';
import type { CaseStats, CaseStatsExportQuery } from '../../../shared/cases/stats-schema.js';
import type { Locale } from '../../../shared/common/schema.js';
import type { OrgContext } from '../../lib/context.js';
import { type Table, tabularFile } from '../../lib/tabular.js';
import { getSceneGrid } from '../scene-grid/service.js';
import { getCaseStats } from './service.js';

const methodNames: Record<CaseMethod, { ja: string; en: string }> = {
  stop: { ja: 'やめる', en: 'Stop' },
  reduce: { ja: 'へらす', en: 'Reduce' },
  change: { ja: 'かえる', en: 'Change' },
  ict: { ja: 'ICT', en: 'ICT' },
};

const fieldNames: Record<PolicyField, { ja: string; en: string }> = {
  counter: { ja: '窓口', en: 'Service counters' },
  ict: { ja: 'ICT・デジタル', en: 'ICT and digital' },
  facilities: { ja: '公共施設', en: 'Public facilities' },
  collaboration: { ja: '連携・協働', en: 'Collaboration' },
  private_sector: { ja: '民間活用', en: 'Private sector' },
  revenue: { ja: '歳入', en: 'Revenue' },
  internal_affairs: { ja: '内部事務', en: 'Internal work' },
  welfare: { ja: '福祉・子育て', en: 'Welfare and childcare' },
  disaster: { ja: '防災', en: 'Disaster prevention' },
  environment: { ja: '環境', en: 'Environment' },
  other: { ja: 'その他', en: 'Other' },
};

const effectNames: Record<EffectKind, { ja: string; en: string; unitJa: string; unitEn: string }> = {
  hours_per_year: { ja: '時間の削減', en: 'Hours saved', unitJa: '時間/年', unitEn: 'hours/year' },
  yen_per_year: { ja: '金額の削減', en: 'Money saved', unitJa: '円/年', unitEn: 'yen/year' },
  paper_sheets: { ja: '紙の削減', en: 'Paper saved', unitJa: '枚/年', unitEn: 'sheets/year' },
  waiting_minutes: { ja: '待ち時間の短縮', en: 'Waiting time cut', unitJa: '分', unitEn: 'minutes' },
  satisfaction: { ja: '満足度', en: 'Satisfaction', unitJa: 'ポイント', unitEn: 'points' },
  other: { ja: 'その他', en: 'Other', unitJa: '（単位は事例ごと）', unitEn: '(unit per case)' },
};

const words = {
  ja: {
    file: (year: number) => `事例の統計_${year}年度`,
    summary: '概要',
    item: '項目',
    value: '値',
    fiscalYear: '年度',
    scope: '対象',
    publishedOnly: '公開済みの事例',
    cases: '事例数',
    reporters: '事例を報告した職員数',
    members: 'メンバー数',
    participation: '参加率（%）',
    hours: '削減時間（時間/年）',
    yen: '削減金額（円/年）',
    byDepartment: '部署別',
    department: '部署',
    noDepartment: '部署なし',
    byMonth: '月別',
    month: '月',
    monthName: (year: number, month: number) => `${year}年${month}月`,
    count: '件数',
    effects: '効果',
    kind: '種類',
    unit: '単位',
    casesWithEffect: '事例数',
    actual: '実績の合計',
    target: '目標の合計',
    scenes: '12場面',
    stage: 'ステージ',
    level: '変革レベル',
    frontier: '未開拓',
    unplaced: '場面なし',
    byField: '分野別',
    field: '分野',
    byMethod: '手法別',
    method: '手法',
    unset: '未設定',
    awards: '表彰',
    award: '表彰名',
    title: '件名',
    trend: '年度推移',
  },
  en: {
    file: (year: number) => `case-statistics_FY${year}`,
    summary: 'Summary',
    item: 'Item',
    value: 'Value',
    fiscalYear: 'Fiscal year',
    scope: 'Counted',
    publishedOnly: 'Published cases',
    cases: 'Cases',
    reporters: 'Staff who reported a case',
    members: 'Members',
    participation: 'Participation (%)',
    hours: 'Hours saved (hours/year)',
    yen: 'Money saved (yen/year)',
    byDepartment: 'By department',
    department: 'Department',
    noDepartment: 'No department',
    byMonth: 'By month',
    month: 'Month',
    monthName: (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`,
    count: 'Cases',
    effects: 'Effects',
    kind: 'Kind',
    unit: 'Unit',
    casesWithEffect: 'Cases',
    actual: 'Actual total',
    target: 'Target total',
    scenes: '12 scenes',
    stage: 'Stage',
    level: 'Change level',
    frontier: 'Not yet tried',
    unplaced: 'No scene',
    byField: 'By policy field',
    field: 'Policy field',
    byMethod: 'By method',
    method: 'Method',
    unset: 'Not set',
    awards: 'Awards',
    award: 'Award',
    title: 'Title',
    trend: 'Year on year',
  },
};

/** The numbers of the statistics page as tables, in the order the page shows them. */
export function statsTables(stats: CaseStats, grid: SceneGrid, locale: Locale): Table[] {
  const w = words[locale];
  const label = (kind: 'stage' | 'level', id: string) =>
    (kind === 'stage' ? grid.stages : grid.levels).find((x) => x.id === id)?.label[locale] ?? id;
  const effect = (kind: EffectKind) => stats.effects.find((e) => e.kind === kind)?.actual ?? 0;
  const { reporters, members } = stats.participation;
  return [
    {
      name: w.summary,
      header: [w.item, w.value],
      rows: [
        [w.fiscalYear, stats.fiscalYear],
        [w.scope, w.publishedOnly],
        [w.cases, stats.totalCases],
        [w.reporters, reporters],
        [w.members, members],
        [w.participation, members > 0 ? Math.round((reporters / members) * 1000) / 10 : null],
        [w.hours, effect('hours_per_year')],
        [w.yen, effect('yen_per_year')],
      ],
    },
    {
      name: w.byDepartment,
      header: [w.department, w.count],
      rows: stats.byDepartment.map((d) => [d.departmentName ?? w.noDepartment, d.count]),
    },
    {
      name: w.byMonth,
      header: [w.month, w.count],
      rows: stats.byMonth.map((m) => [w.monthName(m.year, m.month), m.count]),
    },
    {
      name: w.effects,
      header: [w.kind, w.unit, w.casesWithEffect, w.actual, w.target],
      rows: stats.effects.map((e) => {
        const names = effectNames[e.kind];
        return [names[locale], locale === 'ja' ? names.unitJa : names.unitEn, e.cases, e.actual, e.target];
      }),
    },
    {
      name: w.scenes,
      header: [w.stage, w.level, w.count, w.frontier],
      rows: [
        ...stats.scenes.map((s) => {
          const { stage, level } = parseSceneId(s.sceneId);
          return [label('stage', stage), label('level', level), s.count, s.count === 0 ? w.frontier : null];
        }),
        ...(stats.unplacedCases > 0 ? [[w.unplaced, null, stats.unplacedCases, null]] : []),
      ],
    },
    {
      name: w.byField,
      header: [w.field, w.count],
      rows: stats.byPolicyField.map((f) => [f.policyField ? fieldNames[f.policyField][locale] : w.unset, f.count]),
    },
    {
      name: w.byMethod,
      header: [w.method, w.count],
      rows: stats.byMethod.map((m) => [m.method ? methodNames[m.method][locale] : w.unset, m.count]),
    },
    {
      name: w.awards,
      header: [w.award, w.title, w.department],
      rows: stats.awards.map((a) => [a.name, a.title, a.departmentName]),
    },
    {
      name: w.trend,
      header: [w.fiscalYear, w.count, w.hours, w.yen],
      rows: stats.trend.map((y) => [y.fiscalYear, y.count, y.hoursPerYear, y.yenPerYear]),
    },
  ];
}

/** The statistics of a fiscal year as one CSV (tables one under another) or an xlsx with a sheet per table. */
export async function exportCaseStats(ctx: OrgContext, query: Omit<CaseStatsExportQuery, 'lang'>, locale: Locale) {
  const [stats, grid] = await Promise.all([getCaseStats(ctx, query.fiscalYear), getSceneGrid(ctx)]);
  const tables = statsTables(stats, grid, locale);
  return tabularFile(tables, query.format, words[locale].file(stats.fiscalYear));
}
