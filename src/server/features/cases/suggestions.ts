import {
  type CaseSuggestions,
  caseSuggestionsQuerySchema,
  caseSuggestionsSchema,
} from '../../../shared/cases/case-schema.js';
import type { ResultsQuery } from '../../../shared/sheets/round-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import type { OrgContext } from '../../lib/context.js';
import { orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { getResults } from '../rounds/results.js';
import { viewerOf } from './policy.js';
import { hitOf } from './search.js';
import { commonLexemes, rankedCaseRows } from './search-repo.js';
import { toAnyTsQuery } from './search-text.js';

const weakestItems = 3;
const casesPerItem = 3;

/**
 * Published cases for the items where a round's results are weakest. The items come from the
 * results as the caller may see them (the anonymity rules decide there): the group's medians, or,
 * when the group is withheld, the caller's own answers; each item's title finds the cases.
 * Items are compared by their place on their own scale, as sheets mix 3 to 5 levels.
 */
export async function suggestCases(
  ctx: OrgContext,
  roundId: string,
  query: Omit<ResultsQuery, 'compareTo'>,
): Promise<CaseSuggestions> {
  const results = await getResults(ctx, roundId, query);
  const fromGroup = results.group.withheld
    ? []
    : results.items.flatMap((item) => (item.median === null ? [] : [{ item, level: item.median }]));
  const fromMine = results.items.flatMap((item) => (item.mine === null ? [] : [{ item, level: item.mine }]));
  const basis = fromGroup.length > 0 ? 'group' : fromMine.length > 0 ? 'mine' : null;
  const reason = basis === 'group' ? null : (results.group.withheldReason ?? 'no_answers');
  const chosen = basis === 'group' ? fromGroup : basis === 'mine' ? fromMine : [];
  const place = (c: (typeof chosen)[number]) => (c.level - 1) / Math.max(1, c.item.levelCount - 1);
  const weakest = chosen
    .map((c, order) => ({ ...c, order }))
    .sort((a, b) => place(a) - place(b) || a.order - b.order)
    .slice(0, weakestItems);
  const viewer = viewerOf(ctx);
  const common = await commonLexemes(ctx.db);
  const items = await Promise.all(
    weakest.map(async ({ item, level }) => {
      const tsQuery = toAnyTsQuery([item.title], 64, common);
      const rows = tsQuery
        ? await rankedCaseRows(ctx.db, viewer, { tsQuery, limit: casesPerItem, publishedOnly: true })
        : [];
      return {
        key: item.key,
        title: item.title,
        level,
        levelCount: item.levelCount,
        cases: rows.map((row) => hitOf(row, viewer)),
      };
    }),
  );
  return { roundId, basis, reason, items };
}

export function registerSuggestionRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/rounds/:roundId/case-suggestions',
    {
      config: { access: { kind: 'org', permission: 'sheet.read' } },
      schema: {
        tags: ['cases'],
        summary: "Cases for the 3 items where a round's results (as the caller may see them) are weakest",
        params: orgParamsWith('roundId'),
        querystring: caseSuggestionsQuerySchema,
        response: { 200: caseSuggestionsSchema },
      },
    },
    async (request) => suggestCases(orgContext(request, deps), request.params.roundId, request.query),
  );
}
