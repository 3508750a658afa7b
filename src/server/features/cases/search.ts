import type {
  CaseDetail,
  CaseSearchQuery,
  CaseSearchResult,
  CaseStatus,
  PublicCaseSearchQuery,
  SimilarCases,
} from '../../../shared/cases/case-schema.js';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import type { Db } from '../../db/client.js';
import type { OrgContext } from '../../lib/context.js';
import { hiddenFieldsFor, publicViewer, type Viewer, viewerOf } from './policy.js';
import {
  bucketsFor,
  type CaseHitRow,
  commonLexemes,
  countFacets,
  estimateMatch,
  internalFieldsOf,
  rankedCaseRows,
  searchCaseRows,
} from './search-repo.js';
import { parseQuery, type QueryTerm, snippetOf, toAnyTsQuery, toTsQuery } from './search-text.js';
import { findReadableCase } from './service.js';

type CaseHit = CaseSearchResult['hits'][number];

const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** A row as a hit for this viewer: another organisation's internal fields never feed a snippet. */
export function hitOf(row: CaseHitRow, viewer: Viewer, terms: QueryTerm[] = []): CaseHit {
  const internal = hiddenFieldsFor(viewer, { orgId: row.org_id, internalFields: internalFieldsOf(row) });
  const texts = (['problem', 'action', 'result'] as const).filter((f) => !internal.has(f)).map((f) => row[f]);
  const first = texts.find((text) => text.trim());
  const snippet =
    texts.map((text) => snippetOf(text, terms)).find((parts) => parts !== null) ??
    (first ? [{ text: truncate(first, 120), highlight: false }] : []);
  return {
    id: row.id,
    title: row.title,
    titleParts: snippetOf(row.title, terms, 200) ?? [{ text: row.title, highlight: false }],
    snippet,
    orgId: row.org_id,
    orgName: row.org_name,
    status: row.status as CaseStatus,
    sharing: row.sharing as CaseDetail['sharing'],
    happenedOn: row.happened_on,
    fiscalYear: Number(row.fiscal_year),
    sceneId: row.scene_id as SceneId | null,
    policyField: row.policy_field as CaseDetail['policyField'],
    method: row.method as CaseDetail['method'],
    departmentName: internal.has('department') ? null : row.department_name,
    hoursPerYear: internal.has('effects') || row.hours === null ? null : Number(row.hours),
    yenPerYear: internal.has('effects') || row.yen === null ? null : Number(row.yen),
  };
}

/**
 * A search in two steps: one sample bucket tells how broad the match is, then the page, total
 * and facets are counted exactly when the match is small, or over a sample sized to it when it
 * is broad, so a search of a million cases costs about the same for a rare word and a common one.
 */
async function searchAs(db: Db, viewer: Viewer, query: CaseSearchQuery): Promise<CaseSearchResult> {
  const terms = parseQuery(query.q ?? '');
  const tsQuery = toTsQuery(terms);
  const estimate = await estimateMatch(db, viewer, query, tsQuery);
  const facetBuckets = bucketsFor(estimate.base);
  const pageBuckets = bucketsFor(estimate.final);
  // Counted over the same set, the facet statement's total saves reading the match again.
  const sameSet = facetBuckets === pageBuckets;
  const [page, { total: facetTotal, sampled: facetSampled, ...facets }] = await Promise.all([
    searchCaseRows(db, viewer, query, tsQuery, pageBuckets, { count: !sameSet }),
    countFacets(db, viewer, query, tsQuery, facetBuckets),
  ]);
  const rows = page.rows;
  const total = page.total ?? facetTotal ?? 0;
  const sampled = page.sampled ?? facetSampled;
  const ranksSample =
    pageBuckets !== null &&
    (query.sort === 'hours' || query.sort === 'yen' || (query.sort === 'relevance' && tsQuery !== null));
  return {
    total,
    hits: rows.map((row) => hitOf(row, viewer, terms)),
    facets,
    terms: terms.map((t) => t.text),
    estimate:
      facetBuckets === null && pageBuckets === null
        ? null
        : {
            total: pageBuckets !== null,
            facets: facetBuckets !== null,
            sampled: ranksSample ? sampled : null,
          },
  };
}

/**
 * Cases the caller may see that match the query, a page of them with highlighted snippets, and
 * the facet counts.
 */
export async function searchCases(ctx: OrgContext, query: CaseSearchQuery): Promise<CaseSearchResult> {
  return searchAs(ctx.db, viewerOf(ctx), query);
}

/** The same search over public published cases only, for readers without login. */
export async function searchPublicCases(db: Db, query: PublicCaseSearchQuery): Promise<CaseSearchResult> {
  return searchAs(db, publicViewer, { ...query, from: 'all' });
}

/**
 * Cases like this one among those the caller may see: any token of its title and of the body the
 * caller may read, ranked, the same scene cell and policy field breaking ties; never itself.
 */
export async function findSimilarCases(ctx: OrgContext, caseId: string, limit: number): Promise<SimilarCases> {
  const viewer = viewerOf(ctx);
  const { row } = await findReadableCase(ctx.db, viewer, caseId);
  // Another organisation's internal fields do not steer the match: that would hint at their words.
  const hidden = hiddenFieldsFor(viewer, row);
  const body = (['problem', 'action', 'result'] as const).filter((f) => !hidden.has(f)).map((f) => row[f]);
  const tsQuery = toAnyTsQuery([row.title, ...body], 64, await commonLexemes(ctx.db));
  if (!tsQuery) return { hits: [] };
  const rows = await rankedCaseRows(ctx.db, viewer, {
    tsQuery,
    limit,
    excludeId: caseId,
    alike: { sceneId: row.sceneId, policyField: row.policyField },
  });
  return { hits: rows.map((r) => hitOf(r, viewer)) };
}
