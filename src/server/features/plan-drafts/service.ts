import { and, asc, eq } from 'drizzle-orm';
import type { CarryNextMoveInput, PlanDraftMove } from '../../../shared/plans/draft-schema.js';
import { planDraftMoves } from '../../db/schema/plan-drafts.js';
import { sheetRounds } from '../../db/schema/sheet-rounds.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { itemsOf, loadRound } from '../rounds/access.js';

type MoveRow = typeof planDraftMoves.$inferSelect;

function toMove(row: MoveRow, roundTitle: string | null): PlanDraftMove {
  return {
    id: row.id,
    sourceKind: row.sourceKind,
    roundId: row.roundId,
    roundTitle,
    itemKey: row.itemKey,
    itemTitle: row.itemTitle,
    level: row.level,
    label: row.label,
    descriptor: row.descriptor,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const mine = (ctx: OrgContext) =>
  and(eq(planDraftMoves.orgId, ctx.scope.orgId), eq(planDraftMoves.userId, ctx.actor.userId));

/** The caller's own carried next moves, oldest first; nobody else's. */
export async function listMoves(ctx: OrgContext): Promise<PlanDraftMove[]> {
  const rows = await ctx.db
    .select({ move: planDraftMoves, roundTitle: sheetRounds.title })
    .from(planDraftMoves)
    .leftJoin(sheetRounds, eq(sheetRounds.id, planDraftMoves.roundId))
    .where(mine(ctx))
    .orderBy(asc(planDraftMoves.createdAt), asc(planDraftMoves.itemKey));
  return rows.map((r) => toMove(r.move, r.roundTitle));
}

/**
 * Carries one item's next move out of a round the caller can see. The level's words come from the
 * round's template version, so nothing the client sends can change them. Carrying it again is a no-op.
 */
export async function carryMove(ctx: OrgContext, input: CarryNextMoveInput) {
  const { row } = await loadRound(ctx, input.roundId);
  const item = itemsOf(row.content).find((i) => i.key === input.itemKey);
  if (!item) throw new AppError('validation', undefined, [{ path: 'body.itemKey', code: 'response.unknown_item' }]);
  const level = item.levels[input.level - 1];
  if (!level)
    throw new AppError('validation', undefined, [{ path: 'body.level', code: 'response.level_out_of_range' }]);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const inserted = await tx.db
      .insert(planDraftMoves)
      .values({
        id: newId(),
        orgId: tx.scope.orgId,
        userId: tx.actor.userId,
        sourceKind: 'sheet_round',
        roundId: input.roundId,
        itemKey: item.key,
        itemTitle: item.title,
        level: input.level,
        label: level.label,
        descriptor: level.descriptor,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    const created = inserted[0];
    if (created) {
      await recordAudit(tx, {
        orgId: tx.scope.orgId,
        action: 'plan_draft.carry',
        targetType: 'plan_draft_move',
        targetId: created.id,
        changes: { round: input.roundId, item: item.key, level: input.level },
      });
      return { created: true, move: toMove(created, row.round.title) };
    }
    const [existing] = await tx.db
      .select()
      .from(planDraftMoves)
      .where(
        and(
          mine(tx),
          eq(planDraftMoves.roundId, input.roundId),
          eq(planDraftMoves.itemKey, item.key),
          eq(planDraftMoves.level, input.level),
        ),
      )
      .limit(1);
    if (!existing) throw new AppError('conflict');
    return { created: false, move: toMove(existing, row.round.title) };
  });
}

export async function updateMove(ctx: OrgContext, moveId: string, note: string | null) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(planDraftMoves)
      .set({ note: note || null, updatedAt: tx.now() })
      .where(and(mine(tx), eq(planDraftMoves.id, moveId)))
      .returning();
    if (!row) throw new AppError('not_found');
    const [round] = row.roundId
      ? await tx.db.select({ title: sheetRounds.title }).from(sheetRounds).where(eq(sheetRounds.id, row.roundId))
      : [];
    return toMove(row, round?.title ?? null);
  });
}

export async function deleteMove(ctx: OrgContext, moveId: string) {
  await inTransaction(ctx, async (tx) => {
    const deleted = await tx.db
      .delete(planDraftMoves)
      .where(and(mine(tx), eq(planDraftMoves.id, moveId)))
      .returning({ id: planDraftMoves.id });
    if (deleted.length === 0) throw new AppError('not_found');
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'plan_draft.remove',
      targetType: 'plan_draft_move',
      targetId: moveId,
    });
  });
}
