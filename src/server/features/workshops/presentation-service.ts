import type { z } from 'zod';
import type {
  createPresentationEventSchema,
  EventComment,
  EventResults,
  EventState,
  FacilitatorEventView,
  PresentationControlInput,
  PresentationEventView,
  programmeSchema,
} from '../../../shared/workshops/presentation-schema.js';
import { judgeKeyLength } from '../../../shared/workshops/presentation-schema.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import * as events from './presentation-repo.js';
import { buildResults } from './presentation-results.js';
import * as repo from './repo.js';
import { freeCode, newCode, type WorkshopDeps } from './service.js';

/**
 * Presentation events (事例発表会) on the workshop machinery, the facilitator's side: the
 * programme, the presenter's time, moderation, the audience vote, announcing the results, lock.
 */

type Comment = Awaited<ReturnType<typeof events.listComments>>[number];

/** A comment as screens show it: never who wrote an anonymous one. */
export const commentOf = (row: Comment): EventComment => ({
  id: row.id,
  presentationId: row.presentationId,
  author: row.anonymous ? null : row.nickname,
  body: row.body,
  hidden: row.hidden,
  createdAt: row.createdAt.toISOString(),
});

/** What participants' screens get of a comment: a hidden one loses its words. */
export const commentForAudience = (comment: EventComment): EventComment =>
  comment.hidden ? { ...comment, author: null, body: '' } : comment;

const presentationOf = (row: events.PresentationRow) => ({
  id: row.id,
  title: row.title,
  presenter: row.presenter,
  caseId: row.caseId,
  startedAt: row.startedAt?.toISOString() ?? null,
  endedAt: row.endedAt?.toISOString() ?? null,
});

function stateOf(workshop: repo.WorkshopRow, event: events.EventRow, programme: events.PresentationRow[]): EventState {
  return {
    status: workshop.status,
    currentPresentationId: event.currentPresentationId,
    voteOpen: workshop.pollOpen,
    resultsPublished: event.resultsPublishedAt !== null,
    presentations: programme.map(presentationOf),
  };
}

/** The results now; a caller that has read the programme or the judges' number passes them in. */
export async function resultsOf(
  db: Db,
  workshopId: string,
  event: events.EventRow,
  read: { programme?: events.PresentationRow[]; judges?: number } = {},
) {
  const [programme, scores, votes, judges] = await Promise.all([
    read.programme ?? events.listPresentations(db, workshopId),
    events.listScores(db, workshopId),
    events.countVotes(db, workshopId),
    read.judges ?? events.countPeople(db, workshopId).then((people) => people.judges),
  ]);
  return buildResults({ presentations: programme, criteria: event.criteria, scores, votes, judges });
}

/** How many judges scored each presentation: the facilitator's progress, read off the results. */
const scoringOf = (results: EventResults) =>
  results.presentations.map((p) => ({ presentationId: p.presentationId, scoredBy: p.scoredBy }));

/** The event's rows, or not_found when the workshop is not a presentation event. */
export async function eventOf(db: Db, workshop: repo.WorkshopRow | null) {
  const event = workshop?.mode === 'presentations' ? await events.findEvent(db, workshop.id) : null;
  if (!workshop || !event) throw new AppError('not_found');
  return { workshop, event };
}

/**
 * What every screen starts from. Results are included for the facilitator (a preview) and, once
 * announced, for everyone; comments are shaped for the audience unless `facilitator`.
 */
export async function eventViewOf(
  db: Db,
  workshop: repo.WorkshopRow,
  event: events.EventRow,
  options: { facilitator: boolean },
): Promise<PresentationEventView> {
  // The last event is read first: a stream resuming after it misses nothing added meanwhile.
  const lastEventId = await repo.lastEventId(db, workshop.id);
  const [programme, comments, counts] = await Promise.all([
    events.listPresentations(db, workshop.id),
    events.listComments(db, workshop.id),
    events.countPeople(db, workshop.id),
  ]);
  const showResults = options.facilitator || event.resultsPublishedAt !== null;
  return {
    ...stateOf(workshop, event, programme),
    id: workshop.id,
    title: workshop.title,
    code: workshop.code,
    minutes: event.minutes,
    criteria: event.criteria,
    comments: comments.map(commentOf).map((c) => (options.facilitator ? c : commentForAudience(c))),
    counts,
    results: showResults ? await resultsOf(db, workshop.id, event, { programme, judges: counts.judges }) : null,
    serverNow: new Date().toISOString(),
    lastEventId,
  };
}

export async function getEvent(ctx: OrgContext, workshopId: string): Promise<FacilitatorEventView> {
  const found = await repo.findWorkshop(ctx.db, ctx.scope, workshopId, { mode: 'presentations' });
  const { workshop, event } = await eventOf(ctx.db, found);
  const view = await eventViewOf(ctx.db, workshop, event, { facilitator: true });
  // The facilitator's view always carries the results (a preview until announced).
  return { ...view, judgeKey: event.judgeKey, scoring: view.results ? scoringOf(view.results) : [] };
}

/** Checks that the cases a programme names are the organisation's. */
async function checkCases(db: Db, orgId: string, rows: { caseId: string | null }[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const known = await events.casesOfOrg(db, orgId, ids);
  const bad = rows.findIndex((r) => r.caseId && !known.has(r.caseId));
  if (bad >= 0)
    throw new AppError('validation', undefined, [
      { path: `body.presentations.${bad}.caseId`, code: 'event.case_unknown' },
    ]);
}

/** Opens a presentation event: its join code, judges' key, criteria and programme. */
export async function createEvent(ctx: OrgContext, input: z.infer<typeof createPresentationEventSchema>) {
  return inTransaction(ctx, async (tx) => {
    await checkCases(tx.db, tx.scope.orgId, input.presentations);
    const code = await freeCode(tx.db);
    const id = newId();
    const now = tx.now();
    await repo.insertWorkshop(tx.db, {
      id,
      orgId: tx.scope.orgId,
      mode: 'presentations',
      roundId: null,
      title: input.title,
      code,
      grouping: 'position',
      createdBy: tx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await events.insertEvent(tx.db, {
      workshopId: id,
      minutes: input.minutes,
      criteria: input.criteria.map((label, i) => ({ key: `c${i + 1}`, label })),
      judgeKey: newCode(judgeKeyLength),
    });
    await events.insertPresentations(
      tx.db,
      input.presentations.map((p, i) => ({
        id: newId(),
        workshopId: id,
        sortOrder: i,
        title: p.title,
        presenter: p.presenter,
        caseId: p.caseId,
      })),
    );
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'workshop.event_create',
      targetType: 'workshop',
      targetId: id,
      changes: { title: input.title, presentations: input.presentations.length },
    });
    return { id, code };
  });
}

async function publishState(db: Db, workshopId: string, now: Date) {
  const workshop = await repo.findWorkshopById(db, workshopId);
  const event = await events.findEvent(db, workshopId);
  if (!workshop || !event) return;
  await repo.insertEvent(db, {
    workshopId,
    kind: 'event-state',
    audience: 'all',
    payload: stateOf(workshop, event, await events.listPresentations(db, workshopId)),
    now,
  });
}

/** Stops the presenter's time if it runs. */
async function stopTimer(db: Db, workshopId: string, presentationId: string | null, now: Date) {
  if (!presentationId) return;
  const current = (await events.listPresentations(db, workshopId)).find((p) => p.id === presentationId);
  if (current?.startedAt && !current.endedAt)
    await events.updatePresentation(db, workshopId, current.id, { endedAt: now });
}

/** Steps the programme, runs the presenter's time, opens the vote, announces the results, locks. */
export async function controlEvent(ctx: OrgContext, workshopId: string, input: PresentationControlInput) {
  await inTransaction(ctx, async (tx) => {
    const found = await repo.findWorkshop(tx.db, tx.scope, workshopId, { lock: true, mode: 'presentations' });
    const { workshop, event } = await eventOf(tx.db, found);
    // A locked event stays as it ended: its results and record are final.
    if (workshop.status === 'locked') throw new AppError('workshop_locked');
    const published = event.resultsPublishedAt !== null;
    if (published && input.voteOpen) throw new AppError('results_published');
    const now = tx.now();
    const programme = await events.listPresentations(tx.db, workshop.id);
    let current = event.currentPresentationId;
    if (input.currentPresentationId !== undefined && input.currentPresentationId !== current) {
      if (input.currentPresentationId && !programme.some((p) => p.id === input.currentPresentationId))
        throw new AppError('validation', undefined, [
          { path: 'body.currentPresentationId', code: 'event.presentation_unknown' },
        ]);
      await stopTimer(tx.db, workshop.id, current, now);
      current = input.currentPresentationId;
    }
    if (input.timer && !current)
      throw new AppError('validation', undefined, [{ path: 'body.timer', code: 'event.presentation_unknown' }]);
    if (input.timer === 'start' && current)
      await events.updatePresentation(tx.db, workshop.id, current, { startedAt: now, endedAt: null });
    if (input.timer === 'stop' || input.resultsPublished || input.status === 'locked')
      await stopTimer(tx.db, workshop.id, current, now);
    const announcing = input.resultsPublished === true && !published;
    await events.updateEvent(tx.db, workshop.id, {
      currentPresentationId: current,
      ...(announcing ? { resultsPublishedAt: now } : {}),
    });
    await repo.updateWorkshop(tx.db, workshop.id, {
      pollOpen: announcing ? false : (input.voteOpen ?? workshop.pollOpen),
      status: input.status ?? workshop.status,
      updatedAt: now,
    });
    if (announcing || input.status === 'locked')
      await recordAudit(tx, {
        orgId: tx.scope.orgId,
        action: announcing ? 'workshop.results' : 'workshop.lock',
        targetType: 'workshop',
        targetId: workshop.id,
      });
    await publishState(tx.db, workshop.id, now);
    if (announcing) {
      const after = await events.findEvent(tx.db, workshop.id);
      if (after)
        await repo.insertEvent(tx.db, {
          workshopId: workshop.id,
          kind: 'results',
          audience: 'all',
          payload: await resultsOf(tx.db, workshop.id, after),
          now,
        });
    }
  });
  return getEvent(ctx, workshopId);
}

/** Replaces the programme: new order, new presentations, and those left out removed (if nothing hangs on them). */
export async function saveProgramme(ctx: OrgContext, workshopId: string, input: z.infer<typeof programmeSchema>) {
  await inTransaction(ctx, async (tx) => {
    const found = await repo.findWorkshop(tx.db, tx.scope, workshopId, { lock: true, mode: 'presentations' });
    const { workshop, event } = await eventOf(tx.db, found);
    if (workshop.status === 'locked') throw new AppError('workshop_locked');
    if (event.resultsPublishedAt) throw new AppError('results_published');
    const existing = await events.listPresentations(tx.db, workshop.id);
    const known = new Set(existing.map((p) => p.id));
    const unknown = input.presentations.findIndex((p) => p.id && !known.has(p.id));
    if (unknown >= 0)
      throw new AppError('validation', undefined, [
        { path: `body.presentations.${unknown}.id`, code: 'event.presentation_unknown' },
      ]);
    await checkCases(tx.db, tx.scope.orgId, input.presentations);
    const kept = new Set(input.presentations.flatMap((p) => (p.id ? [p.id] : [])));
    const removed = existing.filter((p) => !kept.has(p.id)).map((p) => p.id);
    const busy = await events.presentationsWithActivity(tx.db, workshop.id, removed);
    if (busy.size > 0)
      throw new AppError('validation', undefined, [
        { path: 'body.presentations', code: 'event.presentation_has_activity' },
      ]);
    await events.deletePresentations(tx.db, workshop.id, removed);
    for (const [i, p] of input.presentations.entries()) {
      const values = { sortOrder: i, title: p.title, presenter: p.presenter, caseId: p.caseId };
      if (p.id) await events.updatePresentation(tx.db, workshop.id, p.id, values);
      else await events.insertPresentations(tx.db, [{ id: newId(), workshopId: workshop.id, ...values }]);
    }
    if (event.currentPresentationId && removed.includes(event.currentPresentationId))
      await events.updateEvent(tx.db, workshop.id, { currentPresentationId: null });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'workshop.programme',
      targetType: 'workshop',
      targetId: workshop.id,
      changes: { presentations: input.presentations.length, removed: removed.length },
    });
    await publishState(tx.db, workshop.id, tx.now());
  });
  return getEvent(ctx, workshopId);
}

/** Hides a comment from every screen but the facilitator's, or shows it again. */
export async function hideComment(ctx: OrgContext, workshopId: string, commentId: string, hidden: boolean) {
  return inTransaction(ctx, async (tx) => {
    const found = await repo.findWorkshop(tx.db, tx.scope, workshopId, { mode: 'presentations' });
    const { workshop } = await eventOf(tx.db, found);
    if (!(await events.setCommentHidden(tx.db, workshop.id, commentId, hidden))) throw new AppError('not_found');
    const [row] = await events.listComments(tx.db, workshop.id, { id: commentId });
    if (!row) throw new AppError('not_found');
    const comment = commentOf(row);
    await repo.insertEvent(tx.db, {
      workshopId: workshop.id,
      kind: 'comment',
      audience: 'all',
      payload: comment,
      now: tx.now(),
    });
    return comment;
  });
}

/** How soon the counts follow a join or vote, and the facilitator's scoring progress a score. */
export const eventDelays = { countsMs: 300, scoringMs: 500 };

export function scheduleCounts(deps: WorkshopDeps, workshopId: string) {
  deps.hub.throttle(`counts:${workshopId}`, eventDelays.countsMs, async () => {
    const counts = await events.countPeople(deps.db, workshopId);
    await repo.insertEvent(deps.db, { workshopId, kind: 'counts', audience: 'all', payload: counts, now: deps.now() });
  });
}

export function scheduleScoring(deps: WorkshopDeps, workshopId: string) {
  deps.hub.throttle(`scoring:${workshopId}`, eventDelays.scoringMs, async () => {
    const event = await events.findEvent(deps.db, workshopId);
    if (!event) return;
    const scoring = scoringOf(await resultsOf(deps.db, workshopId, event));
    await repo.insertEvent(deps.db, {
      workshopId,
      kind: 'scoring',
      audience: 'facilitator',
      payload: scoring,
      now: deps.now(),
    });
  });
}
