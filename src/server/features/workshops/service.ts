import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { type Position, positionNames, positions } from '../../../shared/auth/roles.js';
import {
  type createWorkshopSchema,
  type moveParticipantSchema,
  type noteSchema,
  type WorkshopControlInput,
  type WorkshopNote,
  type WorkshopProgress,
  type WorkshopTally,
  type WorkshopView,
  workshopCodeAlphabet,
  workshopCodeLength,
} from '../../../shared/workshops/workshop-schema.js';
import type { Db } from '../../db/client.js';
import type { workshopNotes } from '../../db/schema/workshops.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import type { LiveHub } from './live.js';
import * as repo from './repo.js';
import { itemOf, type RoundSheet, roundSheetOf } from './sheet.js';
import { buildTally } from './tally.js';
import { countWaiting, releaseDueAnswers } from './tally-release.js';

/** What a workshop's services need besides the database: the live hub of this server and the clock. */
export interface WorkshopDeps {
  db: Db;
  hub: LiveHub;
  now: () => Date;
}

/** Characters easy to read off a projector and type, in a code of the given length. */
export function newCode(length = workshopCodeLength): string {
  return Array.from({ length }, () => workshopCodeAlphabet[randomInt(workshopCodeAlphabet.length)]).join('');
}

/** A join code no other workshop uses. */
export async function freeCode(db: Db): Promise<string> {
  let code = newCode();
  for (let i = 0; (await repo.codeTaken(db, code)) && i < 20; i++) code = newCode();
  return code;
}

/** Opens a workshop on a round of the organisation, with its groups and a code nobody else uses. */
export async function createWorkshop(ctx: OrgContext, input: z.infer<typeof createWorkshopSchema>) {
  return inTransaction(ctx, async (tx) => {
    const round = await roundSheetOf(tx.db, tx.scope.orgId, input.roundId);
    if (!round) throw new AppError('validation', undefined, [{ path: 'body.roundId', code: 'id.format' }]);
    if (input.grouping === 'assigned' && (input.groupNames?.length ?? 0) < 2)
      throw new AppError('validation', undefined, [{ path: 'body.groupNames', code: 'workshop.groups_required' }]);
    const code = await freeCode(tx.db);
    const id = newId();
    const now = tx.now();
    await repo.insertWorkshop(tx.db, {
      id,
      orgId: tx.scope.orgId,
      roundId: round.id,
      title: input.title,
      code,
      grouping: input.grouping,
      requireAccount: input.requireAccount,
      createdBy: tx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const groups =
      input.grouping === 'position'
        ? positions.map((p) => ({ key: `position:${p}`, name: positionNames[p].ja }))
        : input.grouping === 'table'
          ? Array.from({ length: input.tableCount ?? 6 }, (_, i) => ({ key: `table:${i + 1}`, name: `${i + 1}` }))
          : (input.groupNames ?? []).map((name, i) => ({ key: `custom:${i + 1}`, name }));
    await repo.insertGroups(
      tx.db,
      groups.map((g, i) => ({ id: newId(), workshopId: id, key: g.key, name: g.name, sortOrder: i })),
    );
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'workshop.create',
      targetType: 'workshop',
      targetId: id,
      changes: {
        title: input.title,
        roundId: round.id,
        grouping: input.grouping,
        requireAccount: input.requireAccount,
      },
    });
    return { id, code };
  });
}

export async function listWorkshops(ctx: OrgContext) {
  const rows = await repo.listWorkshops(ctx.db, ctx.scope);
  return {
    workshops: rows.map((r) => ({
      ...r,
      participants: Number(r.participants),
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

const noteOf = (row: typeof workshopNotes.$inferSelect): WorkshopNote => ({
  scope: row.scope,
  itemKey: row.itemKey,
  notes: row.notes,
  nextMove: row.nextMove,
  agreedLevel: row.agreedLevel,
  agreedReason: row.agreedReason,
  updatedAt: row.updatedAt.toISOString(),
});

/** The tally of a workshop now, withheld below the round's k (the round read here unless given). */
/**
 * The tally every screen shows. On an anonymous round it counts the released levels, which move
 * k people at a time (tally-release.ts); `release` first releases what has become due.
 */
export async function tallyOf(
  db: Db,
  workshop: repo.WorkshopRow,
  sheet?: RoundSheet,
  options: { release?: boolean } = {},
) {
  // Read before counting: an answer saved before this instant is in the counts below.
  const computedAt = new Date();
  const round = sheet ?? (await roundSheetOf(db, workshop.orgId, workshop.roundId));
  if (!round) throw new AppError('not_found');
  if (round.anonymous && options.release) await releaseDueAnswers(db, workshop.id, round.anonymityThreshold);
  const [groups, counts, poll, participants, waiting] = await Promise.all([
    repo.listGroups(db, workshop.id),
    repo.countAnswers(db, workshop.id, round.anonymous ? 'released' : 'current'),
    repo.countPoll(db, workshop.id, round.anonymous ? 'released' : 'current'),
    repo.countParticipants(db, workshop.id),
    round.anonymous ? countWaiting(db, workshop.id) : Promise.resolve(null),
  ]);
  return buildTally({
    waiting,
    k: round.anonymityThreshold,
    participants,
    items: round.items.map((i) => ({ key: i.key, levelCount: i.levels.length })),
    groupIds: groups.map((g) => g.id),
    counts,
    poll,
    computedAt,
    revealed: workshop.revealed,
  });
}

/** Everything a screen of the workshop shows; the same for the facilitator, the projector and participants. */
export async function viewOf(db: Db, workshop: repo.WorkshopRow): Promise<WorkshopView> {
  // The last event is read first: a stream resuming after it misses nothing added meanwhile.
  const lastEventId = await repo.lastEventId(db, workshop.id);
  const round = await roundSheetOf(db, workshop.orgId, workshop.roundId);
  if (!round) throw new AppError('not_found');
  const [groups, notes, tally] = await Promise.all([
    repo.listGroups(db, workshop.id),
    repo.listNotes(db, workshop.id),
    // Releases what has become due, so a view never lags the stream it resumes.
    tallyOf(db, workshop, round, { release: true }),
  ]);
  return {
    id: workshop.id,
    title: workshop.title,
    code: workshop.code,
    roundTitle: round.title,
    grouping: workshop.grouping,
    status: workshop.status,
    currentItemKey: workshop.currentItemKey,
    revealed: workshop.revealed,
    pollOpen: workshop.pollOpen,
    items: round.items,
    groups,
    notes: notes.map(noteOf),
    tally,
    lastEventId,
  };
}

export async function getWorkshop(ctx: OrgContext, workshopId: string) {
  const workshop = await repo.findWorkshop(ctx.db, ctx.scope, workshopId, { mode: 'sheet' });
  if (!workshop) throw new AppError('not_found');
  return viewOf(ctx.db, workshop);
}

async function publishState(db: Db, workshop: repo.WorkshopRow, now: Date, movedParticipantId?: string) {
  const groups = await repo.listGroups(db, workshop.id);
  await repo.insertEvent(db, {
    workshopId: workshop.id,
    kind: 'state',
    audience: 'all',
    payload: {
      status: workshop.status,
      currentItemKey: workshop.currentItemKey,
      revealed: workshop.revealed,
      pollOpen: workshop.pollOpen,
      groups,
      ...(movedParticipantId ? { movedParticipantId } : {}),
    },
    now,
  });
}

/** How soon after an answer its tally goes out, and how often the facilitator's progress list. */
export const liveDelays = { tallyMs: 150, progressMs: 2000 };

/**
 * The tally a moment after answers arrive (one event per burst), and the facilitator's progress
 * list at most every two seconds: it names everyone, so it is the larger of the two.
 */
export function scheduleLiveCounts(deps: WorkshopDeps, workshopId: string) {
  deps.hub.throttle(`tally:${workshopId}`, liveDelays.tallyMs, async () => {
    const workshop = await repo.findWorkshopById(deps.db, workshopId);
    if (!workshop) return;
    const tally = await tallyOf(deps.db, workshop, undefined, { release: true });
    await repo.insertEvent(deps.db, { workshopId, kind: 'tally', audience: 'all', payload: tally, now: deps.now() });
  });
  deps.hub.throttle(`progress:${workshopId}`, liveDelays.progressMs, async () => {
    const workshop = await repo.findWorkshopById(deps.db, workshopId);
    if (!workshop) return;
    const progress = await progressOf(deps.db, workshop);
    await repo.insertEvent(deps.db, {
      workshopId,
      kind: 'progress',
      audience: 'facilitator',
      payload: progress,
      now: deps.now(),
    });
  });
}

/**
 * A tally as one participant's stream sends it: everyone's spread and their own group's, not the
 * other groups' (the projector shows those), which keeps a seminar's thousand streams light.
 */
export function tallyForParticipant(tally: WorkshopTally, groupId: string | null): WorkshopTally {
  const revealed = new Set(tally.revealed);
  return {
    ...tally,
    items: tally.items.map((item) =>
      revealed.has(item.itemKey)
        ? { ...item, groups: item.groups.filter((g) => g.groupId === groupId) }
        : { itemKey: item.itemKey, overall: { n: null, counts: null }, groups: [] },
    ),
  };
}

/** Steps through items, reveals spreads, opens the poll, locks or reopens; every screen follows. */
export async function controlWorkshop(
  deps: WorkshopDeps,
  ctx: OrgContext,
  workshopId: string,
  input: WorkshopControlInput,
) {
  await inTransaction(ctx, async (tx) => {
    const workshop = await repo.findWorkshop(tx.db, tx.scope, workshopId, { lock: true, mode: 'sheet' });
    if (!workshop) throw new AppError('not_found');
    // Like a closed anonymous round, a locked workshop stays locked: reopening would let answers
    // change after its results were seen, and the difference show who changed what.
    if (workshop.status === 'locked' && input.status === 'open') throw new AppError('workshop_locked');
    const round = await roundSheetOf(tx.db, workshop.orgId, workshop.roundId);
    const keys = new Set(round ? round.items.map((i) => i.key) : []);
    if (input.currentItemKey && !keys.has(input.currentItemKey))
      throw new AppError('validation', undefined, [{ path: 'body.currentItemKey', code: 'workshop.item_unknown' }]);
    const unknown = (input.revealed ?? []).findIndex((key) => !keys.has(key));
    if (unknown >= 0)
      throw new AppError('validation', undefined, [
        { path: `body.revealed.${unknown}`, code: 'workshop.item_unknown' },
      ]);
    const next = {
      ...workshop,
      ...(input.currentItemKey !== undefined ? { currentItemKey: input.currentItemKey } : {}),
      ...(input.revealed !== undefined ? { revealed: [...new Set(input.revealed)] } : {}),
      ...(input.pollOpen !== undefined ? { pollOpen: input.pollOpen } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      updatedAt: tx.now(),
    };
    await repo.updateWorkshop(tx.db, workshop.id, {
      currentItemKey: next.currentItemKey,
      revealed: next.revealed,
      pollOpen: next.pollOpen,
      status: next.status,
      updatedAt: next.updatedAt,
    });
    if (input.status && input.status !== workshop.status)
      await recordAudit(tx, {
        orgId: tx.scope.orgId,
        action: input.status === 'locked' ? 'workshop.lock' : 'workshop.reopen',
        targetType: 'workshop',
        targetId: workshop.id,
      });
    await publishState(tx.db, next, tx.now());
  });
  // Participants' tallies carry revealed items only: a reveal (or a lock) sends a fresh one.
  if (input.revealed !== undefined || input.status !== undefined) scheduleLiveCounts(deps, workshopId);
  return getWorkshop(ctx, workshopId);
}

/** Records the dialogue on an item for the whole workshop or one group: notes, next move, agreed level. */
export async function saveNote(ctx: OrgContext, workshopId: string, input: z.infer<typeof noteSchema>) {
  return inTransaction(ctx, async (tx) => {
    const workshop = await repo.findWorkshop(tx.db, tx.scope, workshopId, { lock: true, mode: 'sheet' });
    if (!workshop) throw new AppError('not_found');
    const round = await roundSheetOf(tx.db, workshop.orgId, workshop.roundId);
    const item = itemOf(round, input.itemKey);
    if (input.agreedLevel !== null && input.agreedLevel > item.levels.length)
      throw new AppError('validation', undefined, [{ path: 'body.agreedLevel', code: 'workshop.level_range' }]);
    if (input.scope !== 'all') {
      const groups = await repo.listGroups(tx.db, workshop.id);
      if (!groups.some((g) => g.id === input.scope))
        throw new AppError('validation', undefined, [{ path: 'body.scope', code: 'workshop.group_unknown' }]);
    }
    const saved = await repo.saveNote(tx.db, {
      workshopId: workshop.id,
      scope: input.scope,
      itemKey: input.itemKey,
      notes: input.notes,
      nextMove: input.nextMove,
      agreedLevel: input.agreedLevel,
      agreedReason: input.agreedReason,
      updatedBy: tx.actor.userId,
      updatedAt: tx.now(),
    });
    const note = noteOf(saved);
    await repo.insertEvent(tx.db, {
      workshopId: workshop.id,
      kind: 'note',
      audience: 'all',
      payload: note,
      now: tx.now(),
    });
    return note;
  });
}

async function progressOf(db: Db, workshop: repo.WorkshopRow): Promise<WorkshopProgress> {
  const [round, rows, answered] = await Promise.all([
    roundSheetOf(db, workshop.orgId, workshop.roundId),
    repo.listProgress(db, workshop.id),
    repo.countAnsweredByItem(db, workshop.id),
  ]);
  const anonymous = round?.anonymous ?? true;
  return {
    anonymous,
    participants: rows.map((r) => ({
      ...r,
      position: r.position as Position,
      answered: anonymous ? null : r.answered,
      voted: anonymous ? null : r.voted,
    })),
    answeredByItem: answered,
  };
}

export async function getProgress(ctx: OrgContext, workshopId: string) {
  const workshop = await repo.findWorkshop(ctx.db, ctx.scope, workshopId, { mode: 'sheet' });
  if (!workshop) throw new AppError('not_found');
  return progressOf(ctx.db, workshop);
}

/** Moves a participant to another group (or none); the tally follows. */
export async function moveParticipant(
  deps: WorkshopDeps,
  ctx: OrgContext,
  workshopId: string,
  participantId: string,
  input: z.infer<typeof moveParticipantSchema>,
) {
  const workshop = await inTransaction(ctx, async (tx) => {
    const workshop = await repo.findWorkshop(tx.db, tx.scope, workshopId, { lock: true, mode: 'sheet' });
    if (!workshop) throw new AppError('not_found');
    if (workshop.status === 'locked') throw new AppError('workshop_locked');
    if (input.groupId) {
      const groups = await repo.listGroups(tx.db, workshop.id);
      if (!groups.some((g) => g.id === input.groupId))
        throw new AppError('validation', undefined, [{ path: 'body.groupId', code: 'workshop.group_unknown' }]);
    }
    const participant = await repo.findParticipant(tx.db, workshop.id, participantId);
    if (!participant) throw new AppError('not_found');
    // Answers count in the group their giver is in: moving someone who answered would show their
    // answers as the difference between the groups' spreads before and after. On an anonymous
    // round, where progress names nobody, a refusal for this one person would say they answered:
    // once anyone has, nobody is moved.
    const round = await roundSheetOf(tx.db, workshop.orgId, workshop.roundId);
    if (round?.anonymous && (await repo.workshopHasAnswers(tx.db, workshop.id)))
      throw new AppError('workshop_answers_started');
    if (await repo.hasAnswered(tx.db, participantId)) throw new AppError('participant_answered');
    await repo.updateParticipant(tx.db, workshop.id, participantId, { groupId: input.groupId });
    // A state event tells the moved person's stream to follow them to their new group.
    await publishState(tx.db, workshop, tx.now(), participantId);
    return workshop;
  });
  scheduleLiveCounts(deps, workshopId);
  return progressOf(ctx.db, workshop);
}
