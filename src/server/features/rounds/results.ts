import type { Position } from '../../../shared/auth/roles.js';
import type {
  ItemResult,
  ResultsQuery,
  RoundResults,
  UnitSpread,
  UnitTrend,
} from '../../../shared/sheets/round-schema.js';
import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import { AppError } from '../../lib/app-error.js';
import type { OrgContext } from '../../lib/context.js';
import { canManage, itemsOf, loadRound, type RoundWithContent, roundStatus } from './access.js';
import { decideVisibility, type RoundVisibility, type Visibility, type WithheldReason } from './anonymity.js';
import * as repo from './repo.js';
import { findPreviousRound } from './service.js';
import { roundTreeOf, selfAndAncestors, type UnitNode } from './units.js';

type AnswerCell = Awaited<ReturnType<typeof repo.answerCells>>[number];
type ResponseCellRow = Awaited<ReturnType<typeof repo.responseCells>>[number];

/** The median of an ordinal distribution (index 0 = level 1); halfway between two levels when n is even. */
export function medianOf(distribution: number[]): number | null {
  const n = distribution.reduce((s, c) => s + c, 0);
  if (n === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (let i = 0; i < distribution.length; i++) {
      seen += distribution[i] ?? 0;
      if (seen >= rank) return i + 1;
    }
    return distribution.length;
  };
  return n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
}

/** A group of responses: which (department, position) cells it takes. */
type Member = (departmentId: string | null, position: Position) => boolean;

interface RoundData {
  items: ReturnType<typeof itemsOf>;
  /** The departments the round's groups are counted on (see units.ts). */
  tree: UnitNode[];
  answers: AnswerCell[];
  responses: ResponseCellRow[];
  visibility: RoundVisibility;
  /** Aggregates stay withheld until the round closes: for everyone in an anonymous round, and for people who do not manage sheets in a named one. */
  hiddenWhileOpen: boolean;
}

function distributionOf(data: RoundData, member: Member) {
  const byItem = new Map<string, number[]>();
  for (const item of data.items) byItem.set(item.key, new Array(item.levels.length).fill(0));
  for (const cell of data.answers) {
    if (!member(cell.departmentId, cell.position)) continue;
    const list = byItem.get(cell.itemKey);
    if (list && cell.level >= 1 && cell.level <= list.length)
      list[cell.level - 1] = (list[cell.level - 1] ?? 0) + cell.n;
  }
  return byItem;
}

function mostImportantOf(data: RoundData, member: Member) {
  const counts = new Map<string, number>();
  for (const cell of data.responses) {
    if (!cell.mostImportantItemKey || !member(cell.departmentId, cell.position)) continue;
    counts.set(cell.mostImportantItemKey, (counts.get(cell.mostImportantItemKey) ?? 0) + cell.n);
  }
  return counts;
}

const withheld = (reason: WithheldReason) => ({ responseCount: null, withheld: true, withheldReason: reason });
const visibleGroup = (count: number) => ({ responseCount: count, withheld: false, withheldReason: null });

/** The group a filter selects, whether it may be shown, and who is in it. */
function selectGroup(data: RoundData, filter: { departmentId: string | null; position: Position | null }) {
  const v = data.visibility;
  let visibility: Visibility & { count: number };
  let member: Member;
  if (filter.departmentId && filter.position) {
    // Departments and positions are each protected as a family; their crossings are not published.
    const ids = v.subtreeOf(filter.departmentId);
    const position = filter.position;
    member = (d, p) => d !== null && ids.has(d) && p === position;
    visibility = { shown: false, reason: 'protects_others', count: 0 };
  } else if (filter.departmentId) {
    const ids = v.subtreeOf(filter.departmentId);
    member = (d) => d !== null && ids.has(d);
    visibility = v.departments.get(filter.departmentId) ?? { shown: false, reason: 'below_threshold', count: 0 };
  } else if (filter.position) {
    const position = filter.position;
    member = (_d, p) => p === position;
    visibility = v.positions.get(position) ?? { shown: false, reason: 'below_threshold', count: 0 };
  } else {
    member = () => true;
    visibility = { ...v.round, count: v.total };
  }
  if (data.hiddenWhileOpen) visibility = { shown: false, reason: 'round_open', count: visibility.count };
  const group = visibility.shown ? visibleGroup(visibility.count) : withheld(visibility.reason ?? 'below_threshold');
  return { member, shown: visibility.shown, group };
}

async function loadRoundData(
  ctx: OrgContext,
  roundIds: string[],
  contentOf: Map<string, SheetTemplate>,
  currentTree: UnitNode[],
  rounds: Map<string, repo.RoundRow>,
) {
  // Closed rounds no longer change: their counts come from a stored tally, the others' from a scan.
  const now = ctx.now();
  const closed = roundIds.flatMap((id) => {
    const round = rounds.get(id);
    return round && roundStatus(round, now) === 'closed' ? [round] : [];
  });
  const openIds = roundIds.filter((id) => !closed.some((r) => r.id === id));
  const [tallied, openAnswers, openResponses, units] = await Promise.all([
    repo.closedRoundCells(ctx.db, ctx.scope, closed),
    repo.answerCells(ctx.db, ctx.scope, openIds),
    repo.responseCells(ctx.db, ctx.scope, openIds),
    repo.listRoundUnits(ctx.db, ctx.scope, roundIds),
  ]);
  const out = new Map<string, RoundData>();
  for (const id of roundIds) {
    const round = rounds.get(id);
    const content = contentOf.get(id);
    if (!round || !content) continue;
    // Groups are counted on the round's own units, never on the tree as it is today.
    const tree = roundTreeOf(
      units.filter((u) => u.roundId === id),
      currentTree,
    );
    const known = new Set(tree.map((d) => d.id));
    const place = <T extends { departmentId: string | null }>(cell: T): T =>
      cell.departmentId === null || known.has(cell.departmentId) ? cell : { ...cell, departmentId: null };
    const roundResponses = [...tallied.responses, ...openResponses].filter((r) => r.roundId === id).map(place);
    const cells = new Map<string, { departmentId: string | null; position: Position; count: number }>();
    for (const r of roundResponses) {
      const key = `${r.departmentId}|${r.position}`;
      const cell = cells.get(key) ?? { departmentId: r.departmentId, position: r.position, count: 0 };
      cell.count += r.n;
      cells.set(key, cell);
    }
    out.set(id, {
      items: itemsOf(content),
      tree,
      answers: [...tallied.answers, ...openAnswers]
        .filter((a) => a.roundId === id)
        .map((a) => ({ ...place(a), position: a.position as Position })),
      responses: roundResponses,
      visibility: decideVisibility([...cells.values()], tree, round.anonymityThreshold),
      hiddenWhileOpen: (round.anonymous || !canManage(ctx)) && roundStatus(round, now) !== 'closed',
    });
  }
  return out;
}

/** The level above a median (or above my own level): the next move, or null at the top. */
function nextMoveFor(item: RoundData['items'][number], base: number | null) {
  if (base === null) return null;
  const level = Math.floor(base) + 1;
  const target = item.levels[level - 1];
  return target ? { level, label: target.label, descriptor: target.descriptor } : null;
}

/**
 * Results of a round for the caller: the group the filter selects (withheld below k, or where
 * showing it would expose fewer than k others), their own levels, the split by position, and the
 * change against an earlier round of the same template.
 */
export async function getResults(ctx: OrgContext, roundId: string, query: ResultsQuery): Promise<RoundResults> {
  const { row, facts, response, membership } = await loadRound(ctx, roundId);
  const manage = canManage(ctx);
  const filter = { departmentId: query.departmentId ?? null, position: query.position ?? null };
  // The same check as opening that round: a round the caller may not see is not compared with,
  // whether asked for or found as the previous one (a cohort's earlier round, for someone not in it).
  const openable = (id: string) =>
    loadRound(ctx, id).then(
      (loaded) => loaded.row,
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') return null;
        throw error;
      },
    );
  let compared: RoundWithContent | null = null;
  if (query.compareTo) {
    compared = await openable(query.compareTo);
    if (!compared || compared.round.templateId !== row.round.templateId || compared.round.id === roundId) {
      throw new AppError('validation', undefined, [{ path: 'querystring.compareTo', code: 'round.compare_unknown' }]);
    }
  } else {
    const previous = await findPreviousRound(ctx, row.round, facts);
    compared = previous && (await openable(previous.round.id)) ? previous : null;
  }
  const compareRound = compared?.round ?? null;
  const contentOf = new Map<string, SheetTemplate>([[roundId, row.content]]);
  const rounds = new Map<string, repo.RoundRow>([[roundId, row.round]]);
  if (compared) {
    contentOf.set(compared.round.id, compared.content);
    rounds.set(compared.round.id, compared.round);
  }
  const data = await loadRoundData(ctx, [...rounds.keys()], contentOf, facts.tree, rounds);
  const current = data.get(roundId) as RoundData;
  // Departments the round does not count on (made since it was answered) are listed too, always empty.
  const listed = listedDepartments(current.tree, facts.tree);
  // People who do not manage sheets may look at their own department and the units above it, as
  // the round counts them. (Not the department a response names: anyone may name any department in
  // a draft.)
  const allowedDepartments = manage
    ? new Set(listed.map((d) => d.id))
    : new Set(selfAndAncestors(listed, membership?.departmentId ?? null));
  if (filter.departmentId && !allowedDepartments.has(filter.departmentId)) throw new AppError('not_found');
  const selected = selectGroup(current, filter);
  const distributions = distributionOf(current, selected.member);
  const mostImportant = mostImportantOf(current, selected.member);
  const mine = new Map<string, number>();
  if (response)
    for (const a of await repo.listAnswers(ctx.db, response.id)) if (a.level !== null) mine.set(a.itemKey, a.level);

  const previousData = compareRound ? data.get(compareRound.id) : undefined;
  const previousSelected = previousData ? selectGroup(previousData, filter) : null;
  const previousDistributions =
    previousData && previousSelected?.shown ? distributionOf(previousData, previousSelected.member) : null;

  const items: ItemResult[] = current.items.map((item) => {
    const distribution = selected.shown ? (distributions.get(item.key) ?? null) : null;
    const median = distribution ? medianOf(distribution) : null;
    const own = mine.get(item.key) ?? null;
    const previousDistribution = previousDistributions?.get(item.key);
    const previousMedian = previousDistribution ? medianOf(previousDistribution) : null;
    return {
      key: item.key,
      sectionKey: item.sectionKey,
      title: item.title,
      levelCount: item.levels.length,
      distribution,
      median,
      mine: own,
      nextMove: nextMoveFor(item, median ?? own),
      mostImportantCount: selected.shown ? (mostImportant.get(item.key) ?? 0) : null,
      previous:
        previousDistribution && previousMedian !== null
          ? { median: previousMedian, distribution: previousDistribution }
          : null,
    };
  });

  // The split by position belongs to the whole round; under a filter it would cross the families.
  const positions: RoundResults['positions'] = [];
  if (!filter.departmentId && !filter.position) {
    for (const [position, v] of current.visibility.positions) {
      const picked = selectGroup(current, { departmentId: null, position });
      const byItem = picked.shown ? distributionOf(current, picked.member) : null;
      positions.push({
        position,
        ...picked.group,
        responseCount: picked.shown ? v.count : null,
        medians: byItem ? current.items.map((item) => medianOf(byItem.get(item.key) ?? [])) : null,
      });
    }
  }
  const positionOrder = ['executive', 'director', 'section_chief', 'subsection_chief', 'staff', 'other'];
  positions.sort((a, b) => positionOrder.indexOf(a.position) - positionOrder.indexOf(b.position));
  const gaps: RoundResults['gaps'] = [];
  current.items.forEach((item, i) => {
    const medians = positions
      .filter((p) => p.medians && p.medians[i] !== null)
      .map((p) => ({ position: p.position, median: p.medians?.[i] as number }));
    if (medians.length < 2) return;
    const high = medians.reduce((a, b) => (b.median > a.median ? b : a));
    const low = medians.reduce((a, b) => (b.median < a.median ? b : a));
    if (high.median - low.median > 0) gaps.push({ itemKey: item.key, high, low, gap: high.median - low.median });
  });
  gaps.sort((a, b) => b.gap - a.gap);

  return {
    roundId,
    anonymityThreshold: row.round.anonymityThreshold,
    filter,
    group: selected.group,
    items,
    positions,
    gaps,
    compare:
      compareRound && previousSelected
        ? {
            roundId: compareRound.id,
            title: compareRound.title,
            opensOn: compareRound.opensOn,
            closesOn: compareRound.closesOn,
            group: previousSelected.group,
          }
        : null,
    departmentFilters: listed
      .filter((d) => allowedDepartments.has(d.id))
      .map((d) => {
        const v = current.visibility.departments.get(d.id);
        return { id: d.id, name: d.name, parentId: d.parentId, withheld: !v?.shown || current.hiddenWhileOpen };
      }),
  };
}

/** The round's units, then the organisation's departments it does not have, under their parent where listed. */
function listedDepartments(roundTree: UnitNode[], currentTree: UnitNode[]): UnitNode[] {
  const ids = new Set(roundTree.map((d) => d.id));
  const extra = currentTree.filter((d) => !ids.has(d.id));
  for (const d of extra) ids.add(d.id);
  return [
    ...roundTree,
    ...extra.map((d) => ({ ...d, parentId: d.parentId && ids.has(d.parentId) ? d.parentId : null })),
  ];
}

/**
 * Each unit's median per item, without names and sorted, so an org admin sees how units spread
 * without a ranking. Units are the innermost departments that may be shown.
 */
export async function getUnitSpread(ctx: OrgContext, roundId: string): Promise<UnitSpread> {
  const { row, facts } = await loadRound(ctx, roundId);
  const rounds = new Map([[roundId, row.round]]);
  const data = (await loadRoundData(ctx, [roundId], new Map([[roundId, row.content]]), facts.tree, rounds)).get(
    roundId,
  ) as RoundData;
  const v = data.visibility;
  const shownIds = [...v.departments].filter(([, d]) => d.shown).map(([id]) => id);
  const shownSet = new Set(shownIds);
  const innermost = data.hiddenWhileOpen
    ? []
    : shownIds.filter((id) => ![...v.subtreeOf(id)].some((x) => x !== id && shownSet.has(x)));
  const withheldUnits = [...v.departments.values()].filter((d) => !d.shown && d.count > 0).length;
  const perUnit = innermost.map((id) => {
    const ids = v.subtreeOf(id);
    return distributionOf(data, (d) => d !== null && ids.has(d));
  });
  return {
    roundId,
    anonymityThreshold: row.round.anonymityThreshold,
    shownUnits: innermost.length,
    withheldUnits: data.hiddenWhileOpen ? v.departments.size : withheldUnits,
    items: data.items.map((item) => ({
      key: item.key,
      title: item.title,
      levelCount: item.levels.length,
      unitMedians: perUnit
        .map((byItem) => medianOf(byItem.get(item.key) ?? []))
        .filter((m): m is number => m !== null)
        .sort((a, b) => a - b),
    })),
  };
}

/** One unit's own medians over the rounds of a template, oldest first; never other units. */
export async function getUnitTrend(
  ctx: OrgContext,
  departmentId: string,
  requestedTemplateId: string | undefined,
): Promise<UnitTrend> {
  const tree = await repo.listDepartmentTree(ctx.db, ctx.scope);
  const department = tree.find((d) => d.id === departmentId);
  if (!department) throw new AppError('not_found');
  // Without a template asked for, the latest round's; all rounds are then read once and filtered here.
  const listed = await repo.listRounds(ctx.db, ctx.scope, requestedTemplateId);
  const templateId = requestedTemplateId ?? listed.at(-1)?.round.templateId;
  // A cohort is not a unit's own people; its rounds do not belong to a unit's trend.
  const rows = listed.filter((r) => r.round.templateId === templateId && r.round.scopeKind !== 'cohort');
  const latest = rows.at(-1);
  const items = latest ? itemsOf(latest.content) : [];
  const contentOf = new Map(rows.map((r) => [r.round.id, r.content]));
  const rounds = new Map(rows.map((r) => [r.round.id, r.round]));
  const data = await loadRoundData(ctx, [...rounds.keys()], contentOf, tree, rounds);
  return {
    departmentId,
    templateId: templateId ?? null,
    departmentName: department.name,
    items: items.map((item) => ({ key: item.key, title: item.title, levelCount: item.levels.length })),
    rounds: rows.map((r) => {
      const d = data.get(r.round.id) as RoundData;
      const picked = selectGroup(d, { departmentId, position: null });
      const byItem = picked.shown ? distributionOf(d, picked.member) : null;
      return {
        roundId: r.round.id,
        title: r.round.title,
        opensOn: r.round.opensOn,
        closesOn: r.round.closesOn,
        group: picked.group,
        medians: byItem
          ? items.map((item) => (byItem.has(item.key) ? medianOf(byItem.get(item.key) ?? []) : null))
          : null,
      };
    }),
  };
}

/** Individual answers, only in a round declared named up front; in an anonymous round nobody sees them. */
export async function getNamedResponses(ctx: OrgContext, roundId: string) {
  const { row } = await loadRound(ctx, roundId);
  if (row.round.anonymous) throw new AppError('round_anonymous');
  const rows = await repo.listNamedResponses(ctx.db, ctx.scope, roundId);
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null }));
}
