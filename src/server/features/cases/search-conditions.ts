import { type SQL, sql } from 'drizzle-orm';
import type { CaseSearchQuery } from '../../../shared/cases/case-schema.js';
import { type Viewer, visibleTo } from './policy.js';
import { filterMarker, sampleQuery } from './search-markers.js';

/**
 * What a case search asks of the rows, as SQL: who may see a case, the text and marker query the
 * GIN index answers, and each facet's filter apart, so a facet's counts can leave its own out.
 */

/** Population bands as SQL, the same boundaries as populationBands. */
export const populationBand = sql`case
  when o.population is null then null
  when o.population < 10000 then 'under_10k'
  when o.population < 50000 then '10k_50k'
  when o.population < 100000 then '50k_100k'
  when o.population < 300000 then '100k_300k'
  when o.population < 1000000 then '300k_1m'
  else 'over_1m' end`;

/**
 * Whether the viewer may see a case's effects: always in its own organisation, elsewhere unless the
 * reporter marked them internal. Totals, the effect facet, its filter and the effect orders all
 * ask, so a shared copy's hidden effects are not given away by a count or an order.
 */
export const effectsVisible = (viewer: Viewer) =>
  sql`(kaizen_cases.org_id = ${viewer.orgId}::uuid or not ('effects' = any(kaizen_cases.internal_fields)))`;

export const effectTotal = (viewer: Viewer, kind: string) =>
  sql`case when ${effectsVisible(viewer)} then
    (select sum(e.actual) from case_effects e where e.case_id = kaizen_cases.id and e.kind = ${kind}) end`;

export type Filter = keyof Pick<
  CaseSearchQuery,
  | 'sceneId'
  | 'policyField'
  | 'method'
  | 'municipalityType'
  | 'prefectureCode'
  | 'populationBand'
  | 'fiscalYear'
  | 'tag'
  | 'effectKind'
  | 'orgId'
  | 'departmentId'
>;

/** The filters that are also markers in the index (search-markers.ts). */
const markedFilters = ['fiscalYear', 'policyField', 'sceneId', 'method'] as const;

/**
 * The conditions of a search, each facet's own filter kept apart so its counts can leave it out.
 * The text query, the marked filters and, for a sample, its buckets are one tsquery for the GIN
 * index, so the index narrows the match before a row is read; the same filters are checked again
 * on the row, which costs nothing once the index has narrowed.
 */
export function conditionsOf(
  viewer: Viewer,
  query: CaseSearchQuery,
  tsQuery: string | null,
  buckets: number | null = null,
) {
  const base: SQL[] = [visibleTo(viewer)];
  if (query.from === 'own') base.push(sql`kaizen_cases.org_id = ${viewer.orgId}`);
  if (query.from === 'others') base.push(sql`kaizen_cases.org_id <> ${viewer.orgId}`);
  if (query.status) base.push(sql`kaizen_cases.status = ${query.status}`);
  const byFacet: Partial<Record<Filter, SQL>> = {};
  if (query.orgId) byFacet.orgId = sql`kaizen_cases.org_id = ${query.orgId}`;
  if (query.departmentId)
    byFacet.departmentId = sql`kaizen_cases.org_id = ${viewer.orgId} and kaizen_cases.department_id = ${query.departmentId}`;
  if (query.sceneId) byFacet.sceneId = sql`kaizen_cases.scene_id = ${query.sceneId}`;
  if (query.policyField) byFacet.policyField = sql`kaizen_cases.policy_field = ${query.policyField}`;
  if (query.method) byFacet.method = sql`kaizen_cases.method = ${query.method}`;
  if (query.fiscalYear) byFacet.fiscalYear = sql`kaizen_cases.fiscal_year = ${query.fiscalYear}`;
  if (query.municipalityType) byFacet.municipalityType = sql`o.municipality_type = ${query.municipalityType}`;
  if (query.prefectureCode) byFacet.prefectureCode = sql`o.prefecture_code = ${query.prefectureCode}`;
  if (query.populationBand) byFacet.populationBand = sql`${populationBand} = ${query.populationBand}`;
  if (query.tag)
    byFacet.tag = sql`exists (select 1 from case_tag_links l join case_tags t on t.id = l.tag_id
      where l.case_id = kaizen_cases.id and t.name = ${query.tag})`;
  if (query.effectKind)
    byFacet.effectKind = sql`${effectsVisible(viewer)} and exists (select 1 from case_effects e
      where e.case_id = kaizen_cases.id and e.kind = ${query.effectKind})`;
  const sample = buckets === null ? null : sampleQuery(buckets);
  const markers = markedFilters.flatMap((f) => (query[f] ? [`'${filterMarker(f, query[f])}'`] : []));
  /** The index condition: every part must match; none when there is nothing to look up. */
  const indexed = (parts: (string | null)[]) => {
    const present = parts.filter((p): p is string => p !== null);
    return present.length > 0
      ? [sql`kaizen_cases.search_vector @@ ${present.map((p) => `(${p})`).join(' & ')}::tsquery`]
      : [];
  };
  const facetFilters = (except?: Filter) =>
    Object.entries(byFacet).flatMap(([k, c]) => (k === except ? [] : [c as SQL]));
  /** Every condition: the match a page and its total come from. */
  const where = () => sql.join([...indexed([tsQuery, ...markers, sample]), ...base, ...facetFilters()], sql` and `);
  /** The facet filters alone (the base conditions already chose the match), or true. */
  const facetWhere = (except?: Filter) => {
    const parts = facetFilters(except);
    return parts.length > 0 ? sql.join(parts, sql` and `) : sql`true`;
  };
  return Object.assign(where, {
    /** The match before any facet filter, which facet counts start from. */
    base: sql.join([...indexed([tsQuery, sample]), ...base], sql` and `),
    facetWhere,
  });
}
