import { type SQL, sql } from 'drizzle-orm';
import type { CaseSearchQuery } from '../../../shared/cases/case-schema.js';
import type { Db } from '../../db/client.js';
import { type Viewer, visibleTo } from './policy.js';
import { conditionsOf, effectsVisible, effectTotal, type Filter, populationBand } from './search-conditions.js';
import { sampleBuckets, sampleFor, sampleQuery } from './search-markers.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export interface CaseHitRow {
  id: string;
  title: string;
  problem: string;
  action: string;
  result: string;
  internal_fields: string[] | string;
  org_id: string;
  org_name: string;
  status: string;
  sharing: string;
  happened_on: string;
  fiscal_year: number;
  scene_id: string | null;
  policy_field: string | null;
  method: string | null;
  department_name: string | null;
  hours: string | number | null;
  yen: string | number | null;
}

/**
 * The internal fields of a hit row. A raw query may hand a Postgres text[] back as its literal
 * (`{problem,cost}`) rather than an array, depending on the driver.
 */
export function internalFieldsOf(row: Pick<CaseHitRow, 'internal_fields'>): string[] {
  return Array.isArray(row.internal_fields)
    ? row.internal_fields
    : String(row.internal_fields).replace(/^{|}$/g, '').split(',').filter(Boolean);
}

const from = sql`from kaizen_cases join organizations o on o.id = kaizen_cases.org_id`;

/** What a hit shows: the columns of CaseHitRow. */
const hitColumns = (
  viewer: Viewer,
) => sql`kaizen_cases.id, kaizen_cases.title, kaizen_cases.problem, kaizen_cases.action,
  kaizen_cases.result, kaizen_cases.internal_fields, kaizen_cases.org_id, o.name as org_name,
  kaizen_cases.status, kaizen_cases.sharing, kaizen_cases.happened_on::text as happened_on,
  kaizen_cases.fiscal_year, kaizen_cases.scene_id, kaizen_cases.policy_field, kaizen_cases.method,
  kaizen_cases.department_name, ${effectTotal(viewer, 'hours_per_year')} as hours,
  ${effectTotal(viewer, 'yen_per_year')} as yen`;

/** A match of more cases than this is counted from a sample; up to it, exactly. */
export const exactLimit = 2500;
/** About how many cases of a broad match a sample holds. */
export const sampleSize = 2000;

/**
 * How broad a search is, read cheaply from one sample bucket (1/256 of the cases): the match
 * before facet filters (what facet counts start from) and after them (the page and its total).
 */
export async function estimateMatch(db: Db, viewer: Viewer, query: CaseSearchQuery, tsQuery: string | null) {
  const where = conditionsOf(viewer, query, tsQuery, 1);
  const result = await db.execute(sql`select count(*)::int as base,
      count(*) filter (where ${where.facetWhere()})::int as final
    ${from} where ${where.base}`);
  const row = rowsOf<{ base: number; final: number }>(result)[0];
  return { base: Number(row?.base ?? 0) * sampleBuckets, final: Number(row?.final ?? 0) * sampleBuckets };
}

/** The sample buckets (a power of two) to count a match of about `estimate` cases over; null to count it all. */
export function bucketsFor(estimate: number, limits = { exactLimit, sampleSize }): number | null {
  return estimate <= limits.exactLimit ? null : sampleFor(estimate, limits.sampleSize);
}

/**
 * A count over `buckets` of the sample buckets, scaled to all of them and rounded to two
 * significant digits (16,904 → 17,000): an estimate should not look more precise than it is.
 */
export function scaled(count: number, buckets: number | null): number {
  if (buckets === null) return count;
  const estimate = (count * sampleBuckets) / buckets;
  if (estimate < 100) return Math.round(estimate);
  const unit = 10 ** (Math.floor(Math.log10(estimate)) - 1);
  return Math.round(estimate / unit) * unit;
}

/** A match's count in the sample (null when there was none) and the total it stands for. */
const countsOf = (count: number | null, buckets: number | null) => ({
  total: count === null ? null : scaled(count, buckets),
  sampled: count === null || buckets === null ? null : count,
});

/**
 * One page of matching cases, ordered as asked, with the total. With sample buckets, the total
 * is scaled from the sample and an order by relevance or effect ranks the sample; newest first
 * walks the date index over the whole match and stops at the page, so it stays exact.
 */
export async function searchCaseRows(
  db: Db,
  viewer: Viewer,
  query: CaseSearchQuery,
  tsQuery: string | null,
  buckets: number | null = null,
  options: { count: boolean } = { count: true },
) {
  const all = conditionsOf(viewer, query, tsQuery);
  const sampled = conditionsOf(viewer, query, tsQuery, buckets);
  const rank = tsQuery ? sql`ts_rank(kaizen_cases.search_vector, ${tsQuery}::tsquery)` : sql`0`;
  const byDate = query.sort === 'date' || (query.sort === 'relevance' && !tsQuery);
  const order = byDate
    ? sql`kaizen_cases.happened_on desc nulls last, kaizen_cases.id`
    : query.sort === 'hours'
      ? sql`hours desc nulls last, kaizen_cases.happened_on desc, kaizen_cases.id`
      : query.sort === 'yen'
        ? sql`yen desc nulls last, kaizen_cases.happened_on desc, kaizen_cases.id`
        : sql`rank desc, kaizen_cases.happened_on desc, kaizen_cases.id`;
  const pageOf = (where: SQL) =>
    sql`select ${hitColumns(viewer)}, ${rank} as rank ${from} where ${where} order by ${order}
      limit ${query.limit} offset ${query.offset}`;
  const page =
    buckets !== null && byDate
      ? // A broad match is most of the table: reading the date index in order and checking each
        // row finds a page after a few dozen rows, where a bitmap would read the whole match first.
        db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_bitmapscan = off`);
          return tx.execute(pageOf(all()));
        })
      : db.execute(pageOf(sampled()));
  const [rows, counted] = await Promise.all([
    page,
    options.count ? db.execute(sql`select count(*)::int as n ${from} where ${sampled()}`) : null,
  ]);
  return {
    rows: rowsOf<CaseHitRow>(rows),
    ...countsOf(counted === null ? null : Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0), buckets),
  };
}

/**
 * Counts per value of every facet over the match, each leaving out its own filter (so it can be
 * changed), and the total with every filter. One statement: the match is found once (the text index and visibility), kept as a
 * narrow materialised set, and every facet is counted from that set with the other facets'
 * filters, instead of searching the whole table again for each facet.
 */
export async function countFacets(
  db: Db,
  viewer: Viewer,
  query: CaseSearchQuery,
  tsQuery: string | null,
  buckets: number | null = null,
) {
  const where = conditionsOf(viewer, query, tsQuery, buckets);
  // The set is named kaizen_cases in each branch, so the filters read the same as on the table.
  const over = sql`from m as kaizen_cases join organizations o on o.id = kaizen_cases.org_id`;
  const branch = (facet: string, filter: Filter, value: SQL, label: SQL = sql`null::text`, limit = 50) =>
    sql`(select ${facet}::text as facet, (${value})::text as value, ${label} as label, count(*)::int as n ${over}
      where ${where.facetWhere(filter)} and ${value} is not null group by 2, 3 order by 4 desc, 2 limit ${limit})`;
  const branches = [
    // The whole match with every filter: the total, when the page is counted over the same set.
    sql`(select 'total'::text as facet, null::text as value, null::text as label, count(*)::int as n ${over}
      where ${where.facetWhere()})`,
    branch('sceneId', 'sceneId', sql`kaizen_cases.scene_id`),
    branch('policyField', 'policyField', sql`kaizen_cases.policy_field`),
    branch('method', 'method', sql`kaizen_cases.method`),
    branch('fiscalYear', 'fiscalYear', sql`kaizen_cases.fiscal_year`),
    branch('municipalityType', 'municipalityType', sql`o.municipality_type`),
    branch('prefectureCode', 'prefectureCode', sql`o.prefecture_code`),
    branch('populationBand', 'populationBand', populationBand),
    branch('org', 'orgId', sql`o.id`, sql`o.name`),
    sql`(select 'tag'::text, t.name, null::text, count(*)::int ${over}
      join case_tag_links l on l.case_id = kaizen_cases.id join case_tags t on t.id = l.tag_id
      where ${where.facetWhere('tag')} group by 2, 3 order by 4 desc, 2 limit 50)`,
    sql`(select 'effectKind'::text, e.kind, null::text, count(distinct kaizen_cases.id)::int ${over}
      join case_effects e on e.case_id = kaizen_cases.id
      where ${where.facetWhere('effectKind')} and ${effectsVisible(viewer)} group by 2, 3 order by 4 desc, 2)`,
    ...(viewer.orgId
      ? [
          sql`(select 'department'::text, d.id::text, d.name, count(*)::int ${over}
            join departments d on d.id = kaizen_cases.department_id
            where ${where.facetWhere('departmentId')} and kaizen_cases.org_id = ${viewer.orgId}
            group by 2, 3 order by 4 desc, 3 limit 100)`,
        ]
      : []),
  ];
  const result = await db.execute(sql`with m as materialized (
      select kaizen_cases.id, kaizen_cases.org_id, kaizen_cases.scene_id, kaizen_cases.policy_field,
        kaizen_cases.method, kaizen_cases.fiscal_year, kaizen_cases.department_id, kaizen_cases.internal_fields
      ${from} where ${where.base}
    )
    ${sql.join(branches, sql` union all `)}`);
  const rows = rowsOf<{ facet: string; value: string; label: string | null; n: number }>(result);
  const plain = (facet: string) =>
    rows.filter((r) => r.facet === facet).map((r) => ({ value: String(r.value), count: scaled(Number(r.n), buckets) }));
  const labelled = (facet: string) =>
    rows
      .filter((r) => r.facet === facet)
      .map((r) => ({ value: String(r.value), label: r.label ?? '', count: scaled(Number(r.n), buckets) }));
  return {
    ...countsOf(Number(rows.find((r) => r.facet === 'total')?.n ?? 0), buckets),
    sceneId: plain('sceneId'),
    policyField: plain('policyField'),
    method: plain('method'),
    fiscalYear: plain('fiscalYear'),
    municipalityType: plain('municipalityType'),
    prefectureCode: plain('prefectureCode'),
    populationBand: plain('populationBand'),
    org: labelled('org'),
    department: labelled('department'),
    tag: plain('tag'),
    effectKind: plain('effectKind'),
  };
}

/**
 * The cases the viewer may read that best match a query of alternatives (any shared token counts),
 * by ts_rank; cases in the same scene cell or policy field come first among equal ranks.
 */
export async function rankedCaseRows(
  db: Db,
  viewer: Viewer,
  options: {
    tsQuery: string;
    limit: number;
    excludeId?: string;
    publishedOnly?: boolean;
    alike?: { sceneId: string | null; policyField: string | null };
  },
) {
  const conditionsWith = (sample: string | null) => {
    const query = sample ? `(${options.tsQuery}) & ${sample}` : options.tsQuery;
    const conditions = [visibleTo(viewer), sql`kaizen_cases.search_vector @@ ${query}::tsquery`];
    if (options.excludeId) conditions.push(sql`kaizen_cases.id <> ${options.excludeId}`);
    if (options.publishedOnly) conditions.push(sql`kaizen_cases.status = 'published'`);
    return sql.join(conditions, sql` and `);
  };
  // Alternatives can match much of the table: ranking all of it would read every row, so a broad
  // match is ranked over a sample, as search counts one.
  const probe = await db.execute(
    sql`select count(*)::int as n from kaizen_cases where ${conditionsWith(sampleQuery(1))}`,
  );
  const buckets = bucketsFor(Number(rowsOf<{ n: number }>(probe)[0]?.n ?? 0) * sampleBuckets);
  const sceneId = options.alike?.sceneId ?? null;
  const policyField = options.alike?.policyField ?? null;
  // Ranks are rounded so that cases about equally close are told apart by scene and field.
  const rank = sql`round(ts_rank(kaizen_cases.search_vector, ${options.tsQuery}::tsquery)::numeric, 3)`;
  const alike = sql`((kaizen_cases.scene_id is not distinct from ${sceneId}::text and ${sceneId}::text is not null)::int
    + (kaizen_cases.policy_field is not distinct from ${policyField}::text and ${policyField}::text is not null)::int)`;
  const result = await db.execute(sql`select ${hitColumns(viewer)}, ${rank} as rank, ${alike} as alike
    ${from} where ${conditionsWith(buckets === null ? null : sampleQuery(buckets))}
    order by rank desc, alike desc, kaizen_cases.happened_on desc, kaizen_cases.id limit ${options.limit}`);
  return rowsOf<CaseHitRow>(result);
}

/**
 * Lexemes found in more than `share` of all cases, read from the planner's statistics of the
 * search vector (none before the table is analysed): words too common to tell cases apart.
 */
export async function commonLexemes(db: Db, share = 0.01): Promise<Set<string>> {
  const result = await db.execute(sql`select e.lexeme
    from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(lexeme, share)
    where s.schemaname = current_schema() and s.tablename = 'kaizen_cases' and s.attname = 'search_vector'
      and e.lexeme is not null and e.share > ${share}`);
  return new Set(rowsOf<{ lexeme: string }>(result).map((r) => r.lexeme));
}
