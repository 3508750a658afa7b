import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberships } from '../../db/schema/memberships.js';
import { sheetRounds } from '../../db/schema/sheet-rounds.js';
import { sheetTemplateVersions } from '../../db/schema/sheet-templates.js';
import {
  workshopAnswers,
  workshopEvents,
  workshopGroups,
  workshopNotes,
  workshopParticipants,
  workshops,
} from '../../db/schema/workshops.js';
import type { OrgScope } from '../../lib/context.js';

export type WorkshopRow = typeof workshops.$inferSelect;

export async function insertWorkshop(db: Db, row: typeof workshops.$inferInsert) {
  await db.insert(workshops).values(row);
}

export async function insertGroups(db: Db, rows: (typeof workshopGroups.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(workshopGroups).values(rows);
}

/**
 * A workshop of the organisation (of one mode when given), optionally locked for a change. The
 * lock is FOR NO KEY UPDATE: it waits for participants' writes (which hold FOR SHARE) and they for
 * it, but not for an event being added, whose foreign key check takes KEY SHARE on this row while
 * it holds the event lock; FOR UPDATE there deadlocked a facilitator's change with a tally.
 */
export async function findWorkshop(
  db: Db,
  scope: OrgScope,
  id: string,
  options: { lock?: boolean; mode?: WorkshopRow['mode'] } = {},
) {
  const query = db
    .select()
    .from(workshops)
    .where(
      and(
        eq(workshops.orgId, scope.orgId),
        eq(workshops.id, id),
        options.mode ? eq(workshops.mode, options.mode) : undefined,
      ),
    );
  const [row] = await (options.lock ? query.for('no key update') : query);
  return row ?? null;
}

/** A workshop by its id alone: for participants, who reach it by code and carry its id in their cookie. */
export async function findWorkshopById(db: Db, id: string, options: { lock?: 'share' | 'no key update' } = {}) {
  const query = db.select().from(workshops).where(eq(workshops.id, id));
  const [row] = await (options.lock ? query.for(options.lock) : query);
  return row ?? null;
}

export async function hasAnswered(db: Db, participantId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workshopAnswers)
    .where(eq(workshopAnswers.participantId, participantId));
  return Number(row?.n ?? 0) > 0;
}

/** Whether anyone in the workshop has given an answer (or one the tally still counts). */
export async function workshopHasAnswers(db: Db, workshopId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(workshopAnswers)
    .where(eq(workshopAnswers.workshopId, workshopId))
    .limit(1);
  return Boolean(row);
}

export async function findWorkshopByCode(db: Db, code: string) {
  const [row] = await db.select().from(workshops).where(eq(workshops.code, code));
  return row ?? null;
}

export async function codeTaken(db: Db, code: string) {
  const [row] = await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.code, code));
  return Boolean(row);
}

export async function listWorkshops(db: Db, scope: OrgScope) {
  return db
    .select({
      id: workshops.id,
      mode: workshops.mode,
      title: workshops.title,
      code: workshops.code,
      roundId: workshops.roundId,
      roundTitle: sheetRounds.title,
      status: workshops.status,
      createdAt: workshops.createdAt,
      participants: sql<number>`(select count(*)::int from workshop_participants p where p.workshop_id = ${workshops.id})`,
    })
    .from(workshops)
    .leftJoin(sheetRounds, eq(sheetRounds.id, workshops.roundId))
    .where(eq(workshops.orgId, scope.orgId))
    .orderBy(desc(workshops.createdAt))
    .limit(100);
}

export async function updateWorkshop(db: Db, id: string, values: Partial<typeof workshops.$inferInsert>) {
  await db.update(workshops).set(values).where(eq(workshops.id, id));
}

/** The round a workshop runs: title, threshold and the sheet version it asks. */
export async function findRound(db: Db, orgId: string, roundId: string) {
  const [row] = await db
    .select({
      id: sheetRounds.id,
      title: sheetRounds.title,
      anonymityThreshold: sheetRounds.anonymityThreshold,
      anonymous: sheetRounds.anonymous,
      templateVersionId: sheetRounds.templateVersionId,
    })
    .from(sheetRounds)
    .where(and(eq(sheetRounds.orgId, orgId), eq(sheetRounds.id, roundId)));
  return row ?? null;
}

/** A sheet version's content; versions never change once saved. */
export async function findVersionContent(db: Db, versionId: string) {
  const [row] = await db
    .select({ content: sheetTemplateVersions.content })
    .from(sheetTemplateVersions)
    .where(eq(sheetTemplateVersions.id, versionId));
  return row?.content ?? null;
}

export async function listGroups(db: Db, workshopId: string) {
  return db
    .select({ id: workshopGroups.id, key: workshopGroups.key, name: workshopGroups.name })
    .from(workshopGroups)
    .where(eq(workshopGroups.workshopId, workshopId))
    .orderBy(asc(workshopGroups.sortOrder));
}

/**
 * Adds a participant; returns its id, or, when a signed-in person is already in the workshop (a
 * join at the same moment), that participant's id with this secret.
 */
export async function insertParticipant(db: Db, row: typeof workshopParticipants.$inferInsert & { id: string }) {
  if (!row.userId) {
    await db.insert(workshopParticipants).values(row);
    return row.id;
  }
  const [saved] = await db
    .insert(workshopParticipants)
    .values(row)
    .onConflictDoUpdate({
      target: [workshopParticipants.workshopId, workshopParticipants.userId],
      targetWhere: sql`${workshopParticipants.userId} is not null`,
      set: { secretHash: row.secretHash },
    })
    .returning({ id: workshopParticipants.id });
  return saved?.id ?? row.id;
}

/** A signed-in person already in the workshop gets a new secret (for a new device); their id, or null. */
export async function rejoinParticipant(db: Db, workshopId: string, userId: string, secretHash: string) {
  const [row] = await db
    .update(workshopParticipants)
    .set({ secretHash })
    .where(and(eq(workshopParticipants.workshopId, workshopId), eq(workshopParticipants.userId, userId)))
    .returning({ id: workshopParticipants.id });
  return row?.id ?? null;
}

/** Whether someone is a member of the organisation (for workshops only its members may join). */
export async function isMember(db: Db, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return Boolean(row);
}

export async function findParticipant(db: Db, workshopId: string, id: string) {
  const [row] = await db
    .select()
    .from(workshopParticipants)
    .where(and(eq(workshopParticipants.workshopId, workshopId), eq(workshopParticipants.id, id)));
  return row ?? null;
}

/** A workshop and one of its participants, in one read; null when either is not there. */
export async function findWorkshopAndParticipant(db: Db, workshopId: string, participantId: string) {
  const [row] = await db
    .select({ workshop: workshops, participant: workshopParticipants })
    .from(workshops)
    .innerJoin(
      workshopParticipants,
      and(eq(workshopParticipants.workshopId, workshops.id), eq(workshopParticipants.id, participantId)),
    )
    .where(eq(workshops.id, workshopId));
  return row ?? null;
}

export async function updateParticipant(
  db: Db,
  workshopId: string,
  id: string,
  values: Partial<typeof workshopParticipants.$inferInsert>,
) {
  const rows = await db
    .update(workshopParticipants)
    .set(values)
    .where(and(eq(workshopParticipants.workshopId, workshopId), eq(workshopParticipants.id, id)))
    .returning({ id: workshopParticipants.id });
  return rows.length > 0;
}

export async function listAnswersOf(db: Db, participantId: string) {
  return db
    .select({ itemKey: workshopAnswers.itemKey, level: sql<number>`${workshopAnswers.level}` })
    .from(workshopAnswers)
    .where(and(eq(workshopAnswers.participantId, participantId), isNotNull(workshopAnswers.level)));
}

export async function saveAnswer(
  db: Db,
  row: { participantId: string; workshopId: string; itemKey: string; level: number | null; now: Date },
) {
  if (row.level === null) {
    // A level a tally has released stays counted there until the next release; the row keeps it.
    const mine = and(eq(workshopAnswers.participantId, row.participantId), eq(workshopAnswers.itemKey, row.itemKey));
    await db.delete(workshopAnswers).where(and(mine, isNull(workshopAnswers.releasedLevel)));
    await db.update(workshopAnswers).set({ level: null, updatedAt: row.now }).where(mine);
    return;
  }
  await db
    .insert(workshopAnswers)
    .values({ ...row, level: row.level, updatedAt: row.now })
    .onConflictDoUpdate({
      target: [workshopAnswers.participantId, workshopAnswers.itemKey],
      set: { level: row.level, updatedAt: row.now },
    });
}

/**
 * Saves a level in one statement while the workshop is open: the insert reads the workshop row
 * with a share lock, as whileOpen does, so it waits for a lock being taken and writes nothing
 * once the workshop is locked. Returns whether it was saved.
 */
export async function saveAnswerWhileOpen(
  db: Db,
  row: { participantId: string; workshopId: string; itemKey: string; level: number; now: Date },
) {
  const result = (await db.execute(sql`
    insert into ${workshopAnswers} (participant_id, workshop_id, item_key, level, updated_at)
    select ${row.participantId}::uuid, ${workshops.id}, ${row.itemKey}, ${row.level}::smallint,
           ${row.now.toISOString()}::timestamptz
      from ${workshops}
     where ${workshops.id} = ${row.workshopId} and ${workshops.status} = 'open'
       for share
    on conflict (participant_id, item_key) do update set level = excluded.level, updated_at = excluded.updated_at
    returning 1 as saved`)) as unknown as { rows: unknown[] };
  return result.rows.length > 0;
}

/**
 * Answers counted by item, group and level: all the tally needs, never who said what. `released`
 * counts the levels as the tally last released them (anonymous rounds, tally-release.ts).
 */
export async function countAnswers(db: Db, workshopId: string, which: 'current' | 'released' = 'current') {
  const level = which === 'released' ? workshopAnswers.releasedLevel : workshopAnswers.level;
  const rows = await db
    .select({
      itemKey: workshopAnswers.itemKey,
      groupId: workshopParticipants.groupId,
      level,
      n: sql<number>`count(*)::int`,
    })
    .from(workshopAnswers)
    .innerJoin(workshopParticipants, eq(workshopParticipants.id, workshopAnswers.participantId))
    .where(and(eq(workshopAnswers.workshopId, workshopId), isNotNull(level)))
    .groupBy(workshopAnswers.itemKey, workshopParticipants.groupId, level);
  return rows.map((r) => ({ itemKey: r.itemKey, groupId: r.groupId, level: Number(r.level), n: Number(r.n) }));
}

/** Votes of the closing poll per item, now or as last released. */
export async function countPoll(db: Db, workshopId: string, which: 'current' | 'released' = 'current') {
  const vote = which === 'released' ? workshopParticipants.releasedPollItemKey : workshopParticipants.pollItemKey;
  const rows = await db
    .select({ itemKey: vote, n: sql<number>`count(*)::int` })
    .from(workshopParticipants)
    .where(and(eq(workshopParticipants.workshopId, workshopId), isNotNull(vote)))
    .groupBy(vote);
  return rows.map((r) => ({ itemKey: r.itemKey as string, n: Number(r.n) }));
}

export async function countParticipants(db: Db, workshopId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workshopParticipants)
    .where(eq(workshopParticipants.workshopId, workshopId));
  return Number(row?.n ?? 0);
}

/** Who is here and how many items each answered: the facilitator's progress, without levels. */
export async function listProgress(db: Db, workshopId: string) {
  const rows = await db
    .select({
      id: workshopParticipants.id,
      nickname: workshopParticipants.nickname,
      position: workshopParticipants.position,
      groupId: workshopParticipants.groupId,
      voted: sql<boolean>`${workshopParticipants.pollItemKey} is not null`,
      answered: sql<number>`(select count(*)::int from workshop_answers a where a.participant_id = ${workshopParticipants.id} and a.level is not null)`,
    })
    .from(workshopParticipants)
    .where(eq(workshopParticipants.workshopId, workshopId))
    .orderBy(asc(workshopParticipants.joinedAt));
  return rows.map((r) => ({ ...r, answered: Number(r.answered), voted: Boolean(r.voted) }));
}

export async function listNotes(db: Db, workshopId: string) {
  return db.select().from(workshopNotes).where(eq(workshopNotes.workshopId, workshopId));
}

export async function saveNote(db: Db, row: typeof workshopNotes.$inferInsert) {
  const [saved] = await db
    .insert(workshopNotes)
    .values(row)
    .onConflictDoUpdate({
      target: [workshopNotes.workshopId, workshopNotes.scope, workshopNotes.itemKey],
      set: {
        notes: row.notes,
        nextMove: row.nextMove,
        agreedLevel: row.agreedLevel,
        agreedReason: row.agreedReason,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    })
    .returning();
  return saved as typeof workshopNotes.$inferSelect;
}

/** Adds an event and tells every app server listening; the notice goes out when the transaction commits. */
export async function insertEvent(
  db: Db,
  row: { workshopId: string; kind: string; audience: 'all' | 'facilitator'; payload: unknown; now: Date },
) {
  // Ids must become visible in order: a stream that has seen id 101 never looks at 100 again. So
  // each workshop's events are added one transaction at a time (a lock held until commit). The
  // workshop row comes first, as the insert's foreign key would take it anyway: a facilitator's
  // change holds the row and then adds its event, and taking the two the other way round here
  // deadlocked with it (PostgreSQL then aborted the change or the tally).
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${workshops} where ${workshops.id} = ${row.workshopId} for key share`);
    await tx.execute(sql`select pg_advisory_xact_lock(7263, hashtext(${row.workshopId}))`);
    const [saved] = await tx
      .insert(workshopEvents)
      .values({ ...row, createdAt: row.now })
      .returning({ id: workshopEvents.id });
    const id = Number(saved?.id);
    await tx.execute(sql`select pg_notify('workshop_events', ${`${row.workshopId}:${id}`})`);
    return id;
  });
}

export async function eventsAfter(db: Db, workshopId: string, afterId: number, limit = 500) {
  const rows = await db
    .select()
    .from(workshopEvents)
    .where(and(eq(workshopEvents.workshopId, workshopId), gt(workshopEvents.id, afterId)))
    .orderBy(asc(workshopEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function lastEventId(db: Db, workshopId: string) {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${workshopEvents.id}), 0)` })
    .from(workshopEvents)
    .where(eq(workshopEvents.workshopId, workshopId));
  return Number(row?.id ?? 0);
}

/**
 * Answers and votes that differ from what the live tally last released, per item (and the poll):
 * how many people a release would show at once.
 */
export async function countUnreleased(db: Db, workshopId: string) {
  const answers = await db
    .select({ itemKey: workshopAnswers.itemKey, n: sql<number>`count(*)::int` })
    .from(workshopAnswers)
    .where(
      and(
        eq(workshopAnswers.workshopId, workshopId),
        sql`${workshopAnswers.level} is distinct from ${workshopAnswers.releasedLevel}`,
      ),
    )
    .groupBy(workshopAnswers.itemKey);
  const [poll] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workshopParticipants)
    .where(
      and(
        eq(workshopParticipants.workshopId, workshopId),
        sql`${workshopParticipants.pollItemKey} is distinct from ${workshopParticipants.releasedPollItemKey}`,
      ),
    );
  return {
    answers: answers.map((r) => ({ itemKey: r.itemKey, n: Number(r.n) })),
    poll: Number(poll?.n ?? 0),
  };
}

/** Makes the current answers to these items the released ones; a level taken back goes. */
export async function releaseAnswers(db: Db, workshopId: string, itemKeys: string[]) {
  if (itemKeys.length === 0) return;
  await db
    .update(workshopAnswers)
    .set({ releasedLevel: sql`${workshopAnswers.level}` })
    .where(
      and(
        eq(workshopAnswers.workshopId, workshopId),
        inArray(workshopAnswers.itemKey, itemKeys),
        sql`${workshopAnswers.level} is distinct from ${workshopAnswers.releasedLevel}`,
      ),
    );
  await db
    .delete(workshopAnswers)
    .where(
      and(
        eq(workshopAnswers.workshopId, workshopId),
        isNull(workshopAnswers.level),
        isNull(workshopAnswers.releasedLevel),
      ),
    );
}

export async function releasePoll(db: Db, workshopId: string) {
  await db
    .update(workshopParticipants)
    .set({ releasedPollItemKey: sql`${workshopParticipants.pollItemKey}` })
    .where(eq(workshopParticipants.workshopId, workshopId));
}

/** How many answered each item now: the facilitator's progress on an anonymous round, without names. */
export async function countAnsweredByItem(db: Db, workshopId: string) {
  const rows = await db
    .select({ itemKey: workshopAnswers.itemKey, n: sql<number>`count(*)::int` })
    .from(workshopAnswers)
    .where(and(eq(workshopAnswers.workshopId, workshopId), isNotNull(workshopAnswers.level)))
    .groupBy(workshopAnswers.itemKey);
  return rows.map((r) => ({ itemKey: r.itemKey, n: Number(r.n) }));
}
