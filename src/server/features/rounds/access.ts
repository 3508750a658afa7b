import { hasPermission } from '../../../shared/auth/permissions.js';
import { dayInJapan } from '../../../shared/common/japan-days.js';
import type { RoundStatus } from '../../../shared/sheets/round-schema.js';
import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import { readAll } from '../../db/parallel.js';
import { AppError } from '../../lib/app-error.js';
import type { OrgContext } from '../../lib/context.js';
import * as repo from './repo.js';

export type RoundWithContent = { round: repo.RoundRow; version: number; content: SheetTemplate };

/** Today's date in Japan, where rounds' open and close dates are days. */
export const todayInJapan = (now: Date): string => dayInJapan(now);

export function roundStatus(round: Pick<repo.RoundRow, 'opensOn' | 'closesOn' | 'closedAt'>, now: Date): RoundStatus {
  if (round.closedAt) return 'closed';
  const today = todayInJapan(now);
  if (today < round.opensOn) return 'scheduled';
  if (today > round.closesOn) return 'closed';
  return 'open';
}

export const itemsOf = (content: SheetTemplate) =>
  content.sections.flatMap((section) => section.items.map((item) => ({ ...item, sectionKey: section.key })));

export const canManage = (ctx: OrgContext) => hasPermission(ctx.scope.role, 'sheet.manage');

/** Ids of a department and everything below it. */
export function subtreeIds(tree: { id: string; parentId: string | null }[], roots: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of tree) if (d.parentId) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const out = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export interface ScopeFacts {
  tree: { id: string; parentId: string | null; name: string }[];
  roundDepartments: Map<string, { id: string; name: string }[]>;
}

export async function loadScopeFacts(ctx: OrgContext, roundIds: string[]): Promise<ScopeFacts> {
  const [tree, departmentRows] = await readAll(ctx.db, [
    () => repo.listDepartmentTree(ctx.db, ctx.scope),
    () => repo.listRoundDepartments(ctx.db, ctx.scope, roundIds),
  ]);
  const roundDepartments = new Map<string, { id: string; name: string }[]>();
  for (const row of departmentRows) {
    roundDepartments.set(row.roundId, [...(roundDepartments.get(row.roundId) ?? []), { id: row.id, name: row.name }]);
  }
  return { tree, roundDepartments };
}

/** Whether a member with this department is in the round's scope (a cohort is decided by its list). */
export function inScope(
  round: repo.RoundRow,
  facts: ScopeFacts,
  member: { departmentId: string | null; userId: string },
  cohort: Set<string>,
): boolean {
  if (round.scopeKind === 'org') return true;
  if (round.scopeKind === 'cohort') return cohort.has(member.userId);
  if (!member.departmentId) return false;
  const roots = (facts.roundDepartments.get(round.id) ?? []).map((d) => d.id);
  return subtreeIds(facts.tree, roots).has(member.departmentId);
}

/** A round the caller may see, with whether they are in its scope. Anyone else gets not found. */
export async function loadRound(ctx: OrgContext, roundId: string, options: { lock?: 'share' } = {}) {
  const row = await repo.findRound(ctx.db, ctx.scope, roundId, options);
  if (!row) throw new AppError('not_found');
  // Independent of each other; only the round itself has to exist first.
  const [facts, membership, cohort, response] = await readAll(ctx.db, [
    () => loadScopeFacts(ctx, [roundId]),
    () => repo.findMembership(ctx.db, ctx.scope, ctx.actor.userId),
    () =>
      row.round.scopeKind === 'cohort'
        ? repo.cohortRoundsOf(ctx.db, ctx.scope, ctx.actor.userId, [roundId])
        : Promise.resolve(new Set<string>()),
    () => repo.findResponse(ctx.db, ctx.scope, roundId, ctx.actor.userId),
  ]);
  const eligible = inScope(
    row.round,
    facts,
    { departmentId: membership?.departmentId ?? null, userId: ctx.actor.userId },
    cohort.has(roundId) ? new Set([ctx.actor.userId]) : new Set(),
  );
  if (!canManage(ctx) && !eligible && !response) throw new AppError('not_found');
  return { row: row as RoundWithContent, facts, eligible, response, membership };
}
