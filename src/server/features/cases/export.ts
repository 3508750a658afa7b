import type { CaseExportQuery } from '../../../shared/cases/case-schema.js';
import { caseWords } from '../../../shared/cases/case-words.js';
import { buildSceneGrid, type SceneId, sceneLabel } from '../../../shared/cases/scene-grid.js';
import type { Locale } from '../../../shared/common/schema.js';
import type { OrgContext } from '../../lib/context.js';
import { type Table, tabularFile } from '../../lib/tabular.js';
import { hiddenFieldsFor, viewerOf } from './policy.js';
import { internalFieldsOf, searchCaseRows } from './search-repo.js';
import { parseQuery, toTsQuery } from './search-text.js';

/** Most cases one download holds; narrow the search for more. */
export const maxExportedCases = 10_000;

const headers = {
  ja: [
    'ID',
    '件名',
    '組織',
    '部署',
    '実施日',
    '年度',
    '12場面',
    '分野',
    '手法',
    '状態',
    '現状',
    '改善策',
    '効果',
    '削減時間（時間/年）',
    '削減金額（円/年）',
  ],
  en: [
    'ID',
    'Title',
    'Organisation',
    'Department',
    'Date',
    'Fiscal year',
    'Scene',
    'Policy field',
    'Method',
    'Status',
    'Before',
    'What was done',
    'After',
    'Hours saved per year',
    'Yen saved per year',
  ],
} as const;

/**
 * The cases a search finds, as CSV (UTF-8 with BOM) or xlsx: the same visibility and redaction
 * as the search itself, in the order it shows them, up to maxExportedCases.
 */
export async function exportCases(ctx: OrgContext, query: CaseExportQuery, lang: Locale) {
  const viewer = viewerOf(ctx);
  const { format, ...search } = query;
  const tsQuery = toTsQuery(parseQuery(search.q ?? ''));
  const { rows } = await searchCaseRows(ctx.db, viewer, { ...search, limit: maxExportedCases, offset: 0 }, tsQuery);
  const words = caseWords[lang];
  const grid = buildSceneGrid([]);
  const table: Table = {
    name: lang === 'ja' ? 'カイゼン事例' : 'Kaizen cases',
    header: [...headers[lang]],
    rows: rows.map((row) => {
      const hidden = hiddenFieldsFor(viewer, { orgId: row.org_id, internalFields: internalFieldsOf(row) });
      const unless = <T>(field: Parameters<typeof hidden.has>[0], value: T) => (hidden.has(field) ? null : value);
      return [
        row.id,
        row.title,
        row.org_name,
        unless('department', row.department_name),
        row.happened_on,
        Number(row.fiscal_year),
        row.scene_id ? sceneLabel(grid, row.scene_id as SceneId, lang) : null,
        row.policy_field ? words.policyFields[row.policy_field as keyof typeof words.policyFields] : null,
        row.method ? words.methods[row.method as keyof typeof words.methods] : null,
        words.status[row.status as keyof typeof words.status],
        unless('problem', row.problem),
        unless('action', row.action),
        unless('result', row.result),
        unless('effects', row.hours === null ? null : Number(row.hours)),
        unless('effects', row.yen === null ? null : Number(row.yen)),
      ];
    }),
  };
  const stem = lang === 'ja' ? 'カイゼン事例' : 'kaizen-cases';
  return tabularFile(table, format, stem);
}
