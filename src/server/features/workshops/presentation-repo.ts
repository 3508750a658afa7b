import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { kaizenCases } from '../../db/schema/cases.js';
import {
  presentationComments,
  presentationEvents,
  presentationScores,
  presentations,
  workshopParticipants,
} from '../../db/schema/workshops.js';

/** Reads and writes of presentation events: settings, programme, comments, scores and votes. */

export type EventRow = typeof presentationEvents.$inferSelect;
export type PresentationRow = typeof presentations.$inferSelect;
export type CommentRow = typeof presentationComments.$inferSelect;

export async function insertEvent(db: Db, row: typeof presentationEvents.$inferInsert) {
  await db.insert(presentationEvents).values(row);
}

export async function findEvent(db: Db, workshopId: string) {
  const [row] = await db.select().from(presentationEvents).where(eq(presentationEvents.workshopId, workshopId));
  return row ?? null;
}

export async function updateEvent(db: Db, workshopId: string, values: Partial<typeof presentationEvents.$inferInsert>) {
  await db.update(presentationEvents).set(values).where(eq(presentationEvents.workshopId, workshopId));
}

export async function listPresentations(db: Db, workshopId: string) {
  return db
    .select()
    .from(presentations)
    .where(eq(presentations.workshopId, workshopId))
    .orderBy(asc(presentations.sortOrder));
}

export async function insertPresentations(db: Db, rows: (typeof presentations.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(presentations).values(rows);
}

export async function updatePresentation(
  db: Db,
  workshopId: string,
  id: string,
  values: Partial<typeof presentations.$inferInsert>,
) {
  await db
    .update(presentations)
    .set(values)
    .where(and(eq(presentations.workshopId, workshopId), eq(presentations.id, id)));
}

export async function deletePresentations(db: Db, workshopId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(presentations).where(and(eq(presentations.workshopId, workshopId), inArray(presentations.id, ids)));
}

/** Presentations of the list that have comments, scores or votes: removing those would lose them. */
export async function presentationsWithActivity(db: Db, workshopId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const result = await db.execute(sql`
    select p.id from presentations p
    where p.workshop_id = ${workshopId} and p.id in ${ids}
      and (exists (select 1 from presentation_comments c where c.presentation_id = p.id)
        or exists (select 1 from presentation_scores s where s.presentation_id = p.id)
        or exists (select 1 from workshop_participants w
                   where w.workshop_id = p.workshop_id and w.poll_item_key = p.id::text))`);
  return new Set((result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
}

/** Which of the ids are cases of the organisation (a presentation may name the case it presents). */
export async function casesOfOrg(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: kaizenCases.id })
    .from(kaizenCases)
    .where(and(eq(kaizenCases.orgId, orgId), inArray(kaizenCases.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function insertComment(db: Db, row: typeof presentationComments.$inferInsert) {
  await db.insert(presentationComments).values(row);
}

/** Comments with their writer's nickname (which the caller drops for anonymous ones), oldest first. */
export async function listComments(db: Db, workshopId: string, options: { id?: string } = {}) {
  return db
    .select({
      id: presentationComments.id,
      presentationId: presentationComments.presentationId,
      body: presentationComments.body,
      anonymous: presentationComments.anonymous,
      hidden: presentationComments.hidden,
      createdAt: presentationComments.createdAt,
      nickname: workshopParticipants.nickname,
    })
    .from(presentationComments)
    .innerJoin(workshopParticipants, eq(workshopParticipants.id, presentationComments.participantId))
    .where(
      and(
        eq(presentationComments.workshopId, workshopId),
        options.id ? eq(presentationComments.id, options.id) : undefined,
      ),
    )
    .orderBy(asc(presentationComments.seq));
}

export async function setCommentHidden(db: Db, workshopId: string, id: string, hidden: boolean) {
  const rows = await db
    .update(presentationComments)
    .set({ hidden })
    .where(and(eq(presentationComments.workshopId, workshopId), eq(presentationComments.id, id)))
    .returning({ id: presentationComments.id });
  return rows.length > 0;
}

export async function saveScore(db: Db, row: typeof presentationScores.$inferInsert) {
  await db
    .insert(presentationScores)
    .values(row)
    .onConflictDoUpdate({
      target: [presentationScores.presentationId, presentationScores.participantId],
      set: { scores: row.scores, comment: row.comment, updatedAt: row.updatedAt },
    });
}

/** Every judge's scores (judges only: a participant later made audience no longer counts). */
export async function listScores(db: Db, workshopId: string) {
  return db
    .select({
      presentationId: presentationScores.presentationId,
      participantId: presentationScores.participantId,
      scores: presentationScores.scores,
      comment: presentationScores.comment,
    })
    .from(presentationScores)
    .innerJoin(workshopParticipants, eq(workshopParticipants.id, presentationScores.participantId))
    .where(and(eq(presentationScores.workshopId, workshopId), eq(workshopParticipants.role, 'judge')));
}

export async function listScoresOf(db: Db, participantId: string) {
  return db
    .select({
      presentationId: presentationScores.presentationId,
      scores: presentationScores.scores,
      comment: presentationScores.comment,
    })
    .from(presentationScores)
    .where(eq(presentationScores.participantId, participantId));
}

/** The audience, the judges, and how many of the audience voted. */
export async function countPeople(db: Db, workshopId: string) {
  const [row] = await db
    .select({
      audience: sql<number>`count(*) filter (where ${workshopParticipants.role} = 'audience')::int`,
      judges: sql<number>`count(*) filter (where ${workshopParticipants.role} = 'judge')::int`,
      voted: sql<number>`count(*) filter (where ${workshopParticipants.role} = 'audience' and ${workshopParticipants.pollItemKey} is not null)::int`,
    })
    .from(workshopParticipants)
    .where(eq(workshopParticipants.workshopId, workshopId));
  return { audience: Number(row?.audience ?? 0), judges: Number(row?.judges ?? 0), voted: Number(row?.voted ?? 0) };
}

/** Audience votes per presentation id. */
export async function countVotes(db: Db, workshopId: string) {
  const rows = await db
    .select({ presentationId: workshopParticipants.pollItemKey, n: sql<number>`count(*)::int` })
    .from(workshopParticipants)
    .where(
      and(
        eq(workshopParticipants.workshopId, workshopId),
        eq(workshopParticipants.role, 'audience'),
        sql`${workshopParticipants.pollItemKey} is not null`,
      ),
    )
    .groupBy(workshopParticipants.pollItemKey);
  return new Map(rows.map((r) => [r.presentationId as string, Number(r.n)]));
}
