import type { CarryNextMoveInput, PlanDraftMove } from '../../../shared/plans/draft-schema.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { itemsOf, loadRound } from '../rounds/access.js';
import * as repo from './repo.js';

function toMove(row: repo.MoveRow, roundTitle: string | null): PlanDraftMove {
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

/** The caller's own carried next moves, oldest first; nobody else's. */
export async function listMoves(ctx: OrgContext): Promise<PlanDraftMove[]> {
  const rows = await repo.listMoves(ctx.db, ctx.scope, ctx.actor.userId);
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
    const created = await repo.insertMove(tx.db, {
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
    });
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
    const existing = await repo.findMove(tx.db, tx.scope, tx.actor.userId, {
      roundId: input.roundId,
      itemKey: item.key,
      level: input.level,
    });
    if (!existing) throw new AppError('conflict');
    return { created: false, move: toMove(existing, row.round.title) };
  });
}

export async function updateMove(ctx: OrgContext, moveId: string, note: string | null) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.updateNote(tx.db, tx.scope, tx.actor.userId, moveId, note || null, tx.now());
    if (!row) throw new AppError('not_found');
    return toMove(row, row.roundId ? await repo.roundTitle(tx.db, tx.scope, row.roundId) : null);
  });
}

export async function deleteMove(ctx: OrgContext, moveId: string) {
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.deleteMove(tx.db, tx.scope, tx.actor.userId, moveId))) throw new AppError('not_found');
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'plan_draft.remove',
      targetType: 'plan_draft_move',
      targetId: moveId,
    });
  });
}
