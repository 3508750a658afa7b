import type { CasesSearch } from './case-search-params.js';

/**
 * The keys the search page keeps in the address. The route keeps only these, as text or numbers;
 * the page checks their values with the shared Zod schemas (case-search-params.ts). The check lives
 * there, not in the route, so the schemas load with the page and not with every page of the app.
 */
const keys = [
  'q',
  'from',
  'sort',
  'status',
  'sceneId',
  'policyField',
  'method',
  'municipalityType',
  'prefectureCode',
  'populationBand',
  'fiscalYear',
  'tag',
  'effectKind',
  'page',
] as const satisfies readonly (keyof CasesSearch)[];

export type CasesSearchInAddress = Partial<Record<(typeof keys)[number], string | number>>;

export function keepCasesSearch(search: Record<string, unknown>): CasesSearchInAddress {
  const kept: CasesSearchInAddress = {};
  for (const key of keys) {
    const value = search[key];
    if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value)))
      kept[key] = value;
  }
  return kept;
}
