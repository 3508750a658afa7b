import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { planDraftMoves } from '../../db/schema/plan-drafts.js';
import { sheetRounds } from '../../db/schema/sheet-rounds.js';
import type { OrgScope } from '../../lib/context.js';

export type MoveRow = typeof planDraftMoves.$inferSelect;

/** One person's moves in one organisation: nobody reads or changes another's. */
const mine = (scope: OrgScope, userId: string) =>
  and(eq(planDraftMoves.orgId, scope.orgId), eq(planDraftMoves.userId, userId));

export async function listMoves(db: Db, scope: OrgScope, userId: string) {
  return db
    .select({ move: planDraftMoves, roundTitle: sheetRounds.title })
    .from(planDraftMoves)
    .leftJoin(sheetRounds, eq(sheetRounds.id, planDraftMoves.roundId))
    .where(mine(scope, userId))
    .orderBy(asc(planDraftMoves.createdAt), asc(planDraftMoves.itemKey));
}

/** Inserts a move unless the same one is already there; returns it only when inserted. */
export async function insertMove(db: Db, values: typeof planDraftMoves.$inferInsert) {
  const [created] = await db.insert(planDraftMoves).values(values).onConflictDoNothing().returning();
  return created ?? null;
}

export async function findMove(
  db: Db,
  scope: OrgScope,
  userId: string,
  key: { roundId: string; itemKey: string; level: number },
) {
  const [row] = await db
    .select()
    .from(planDraftMoves)
    .where(
      and(
        mine(scope, userId),
        eq(planDraftMoves.roundId, key.roundId),
        eq(planDraftMoves.itemKey, key.itemKey),
        eq(planDraftMoves.level, key.level),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function updateNote(
  db: Db,
  scope: OrgScope,
  userId: string,
  moveId: string,
  note: string | null,
  at: Date,
) {
  const [row] = await db
    .update(planDraftMoves)
    .set({ note, updatedAt: at })
    .where(and(mine(scope, userId), eq(planDraftMoves.id, moveId)))
    .returning();
  return row ?? null;
}

export async function deleteMove(db: Db, scope: OrgScope, userId: string, moveId: string) {
  const deleted = await db
    .delete(planDraftMoves)
    .where(and(mine(scope, userId), eq(planDraftMoves.id, moveId)))
    .returning({ id: planDraftMoves.id });
  return deleted.length > 0;
}

export async function roundTitle(db: Db, scope: OrgScope, roundId: string) {
  const [round] = await db
    .select({ title: sheetRounds.title })
    .from(sheetRounds)
    .where(and(eq(sheetRounds.orgId, scope.orgId), eq(sheetRounds.id, roundId)));
  return round?.title ?? null;
}
