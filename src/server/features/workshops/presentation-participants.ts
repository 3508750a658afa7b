import type { z } from 'zod';
import type { Position } from '../../../shared/auth/roles.js';
import type {
  commentInputSchema,
  EventComment,
  EventParticipantView,
  eventVoteSchema,
  scoreInputSchema,
} from '../../../shared/workshops/presentation-schema.js';
import { AppError } from '../../lib/app-error.js';
import { newId } from '../../lib/ids.js';
import { hitRateLimit } from '../../lib/rate-limit.js';
import { requireParticipant, whileOpen } from './participants.js';
import * as events from './presentation-repo.js';
import { commentOf, eventOf, eventViewOf, scheduleCounts, scheduleScoring } from './presentation-service.js';
import * as repo from './repo.js';
import type { WorkshopDeps } from './service.js';

/**
 * Presentation events, the participants' side: the audience comments and votes, judges score.
 * Everyone is a participant of the workshop, brought back by the same cookie.
 */

/** Comments one participant may post in thirty seconds: enough to react, not to flood the wall. */
export const commentLimit = { perWindow: 5, windowSeconds: 30 };

async function participantEvent(deps: Pick<WorkshopDeps, 'db'>, workshopId: string, cookie: string | undefined) {
  const { workshop, participant } = await requireParticipant(deps.db, workshopId, cookie, 'presentations');
  const { event } = await eventOf(deps.db, workshop);
  return { workshop, participant, event };
}

function presentationIn(programme: events.PresentationRow[], id: string) {
  const presentation = programme.find((p) => p.id === id);
  if (!presentation)
    throw new AppError('validation', undefined, [{ path: 'body.presentationId', code: 'event.presentation_unknown' }]);
  return presentation;
}

export async function eventParticipantView(
  deps: Pick<WorkshopDeps, 'db'>,
  workshopId: string,
  cookie: string | undefined,
): Promise<EventParticipantView> {
  const { workshop, participant, event } = await participantEvent(deps, workshopId, cookie);
  const [view, scores] = await Promise.all([
    eventViewOf(deps.db, workshop, event, { facilitator: false }),
    participant.role === 'judge' ? events.listScoresOf(deps.db, participant.id) : Promise.resolve([]),
  ]);
  return {
    ...view,
    me: {
      id: participant.id,
      nickname: participant.nickname,
      position: participant.position as Position,
      role: participant.role,
      votePresentationId: participant.role === 'audience' ? participant.pollItemKey : null,
      scores,
    },
  };
}

/** Posts a comment on a presentation, under one's nickname or anonymously; every screen shows it at once. */
export async function postComment(
  deps: WorkshopDeps,
  workshopId: string,
  cookie: string | undefined,
  input: z.infer<typeof commentInputSchema>,
): Promise<EventComment> {
  const { workshop, participant } = await participantEvent(deps, workshopId, cookie);
  if (workshop.status === 'locked') throw new AppError('workshop_locked');
  const hits = await hitRateLimit(deps.db, `event-comment:${participant.id}`, commentLimit.windowSeconds, deps.now());
  if (hits > commentLimit.perWindow) throw new AppError('comment_flood');
  presentationIn(await events.listPresentations(deps.db, workshop.id), input.presentationId);
  const id = newId();
  return whileOpen(deps.db, workshop.id, async (tx) => {
    await events.insertComment(tx, {
      id,
      workshopId: workshop.id,
      presentationId: input.presentationId,
      participantId: participant.id,
      body: input.body,
      anonymous: input.anonymous,
      createdAt: deps.now(),
    });
    const [row] = await events.listComments(tx, workshop.id, { id });
    if (!row) throw new AppError('not_found');
    const comment = commentOf(row);
    await repo.insertEvent(tx, {
      workshopId: workshop.id,
      kind: 'comment',
      audience: 'all',
      payload: comment,
      now: deps.now(),
    });
    return comment;
  });
}

/** A judge's points for a presentation, every criterion 1 to 5, changed freely until the results. */
export async function saveScore(
  deps: WorkshopDeps,
  workshopId: string,
  cookie: string | undefined,
  input: z.infer<typeof scoreInputSchema>,
) {
  const { workshop, participant, event } = await participantEvent(deps, workshopId, cookie);
  if (workshop.status === 'locked') throw new AppError('workshop_locked');
  if (participant.role !== 'judge') throw new AppError('not_a_judge');
  presentationIn(await events.listPresentations(deps.db, workshop.id), input.presentationId);
  const keys = event.criteria.map((c) => c.key);
  if (keys.some((key) => !(key in input.scores)) || Object.keys(input.scores).some((key) => !keys.includes(key)))
    throw new AppError('validation', undefined, [{ path: 'body.scores', code: 'event.criterion_missing' }]);
  await whileOpen(deps.db, workshop.id, async (tx) => {
    // Read under the workshop's share lock: an announcement at the same moment waits for this
    // score, or this score sees it and is refused. No score changes after the results.
    const now = await events.findEvent(tx, workshop.id);
    if (now?.resultsPublishedAt) throw new AppError('results_published');
    await events.saveScore(tx, {
      presentationId: input.presentationId,
      participantId: participant.id,
      workshopId: workshop.id,
      scores: input.scores,
      comment: input.comment,
      updatedAt: deps.now(),
    });
  });
  scheduleScoring(deps, workshop.id);
}

/** The audience vote: one presentation per person, changed freely while the vote is open. */
export async function vote(
  deps: WorkshopDeps,
  workshopId: string,
  cookie: string | undefined,
  input: z.infer<typeof eventVoteSchema>,
) {
  const { workshop, participant } = await participantEvent(deps, workshopId, cookie);
  if (workshop.status === 'locked') throw new AppError('workshop_locked');
  // Judges give their verdict by scoring; the vote is the audience's.
  if (participant.role !== 'audience') throw new AppError('forbidden');
  presentationIn(await events.listPresentations(deps.db, workshop.id), input.presentationId);
  await whileOpen(deps.db, workshop.id, async (tx) => {
    const current = await repo.findWorkshopById(tx, workshop.id);
    if (!current?.pollOpen) throw new AppError('vote_closed');
    await repo.updateParticipant(tx, workshop.id, participant.id, { pollItemKey: input.presentationId });
  });
  scheduleCounts(deps, workshop.id);
}
