import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Position } from '../../../shared/auth/roles.js';
import type {
  answerSchema,
  joinWorkshopSchema,
  ParticipantView,
  pollVoteSchema,
} from '../../../shared/workshops/workshop-schema.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { newId } from '../../lib/ids.js';
import { hitRateLimit, readRateLimit } from '../../lib/rate-limit.js';
import { createToken, hashToken } from '../../lib/tokens.js';
import { findEvent } from './presentation-repo.js';
import { scheduleCounts } from './presentation-service.js';
import * as repo from './repo.js';
import { scheduleLiveCounts, tallyForParticipant, viewOf, type WorkshopDeps } from './service.js';
import { itemOf, roundItemsOf, roundSheetOf } from './sheet.js';

/**
 * The participants' side of a workshop: joining by code without an account, the cookie that
 * brings someone back, and answers and votes while the workshop is open.
 */

/**
 * Wrong codes one address may try in ten minutes. A room behind one router mistypes a few; someone
 * guessing codes of other workshops is stopped long before finding one (31^6 codes).
 */
export const codeGuessLimit = { perWindow: 30, windowSeconds: 600 };
const codeGuessKey = (ip: string | null) => `workshop-code:${ip ?? 'unknown'}`;

/**
 * Finds the workshop a code names, counting wrong codes per address: past the limit every code is
 * refused for the rest of the window, right or wrong, so guessing learns nothing.
 */
export async function workshopByCode(deps: Pick<WorkshopDeps, 'db' | 'now'>, code: string, ip: string | null) {
  const key = codeGuessKey(ip);
  const { perWindow, windowSeconds } = codeGuessLimit;
  if ((await readRateLimit(deps.db, key, windowSeconds, deps.now())) >= perWindow) throw new AppError('rate_limited');
  const workshop = await repo.findWorkshopByCode(deps.db, code);
  if (!workshop) {
    await hitRateLimit(deps.db, key, windowSeconds, deps.now());
    throw new AppError('workshop_not_found');
  }
  return workshop;
}

/** Answers one participant may send in ten seconds: a person taps a few a second at most. */
export const answerLimit = { perWindow: 40, windowSeconds: 10 };

/** The cookie a participant holds: `<participant id>.<secret>`, one per workshop. */
export const participantCookie = (workshopId: string) => `kn_ws_${workshopId.replaceAll('-', '')}`;

/** The cookie of the participant a request comes from, for the workshop it names. */
export const cookieOf = (request: FastifyRequest, workshopId: string) => request.cookies[participantCookie(workshopId)];

/** Joins a workshop by its code; returns the participant and the secret for their cookie. */
export async function joinWorkshop(
  deps: WorkshopDeps,
  caller: { userId: string | null; ip: string | null },
  input: z.infer<typeof joinWorkshopSchema>,
) {
  const workshop = await workshopByCode(deps, input.code, caller.ip);
  if (workshop.status === 'locked') throw new AppError('workshop_locked');
  if (workshop.requireAccount && !(caller.userId && (await repo.isMember(deps.db, workshop.orgId, caller.userId))))
    throw new AppError('workshop_account_required');
  // A signed-in person joins once: joining again (a new device, a cleared cookie) brings back the
  // same participant, in the group they were in, with a new secret for this device.
  const { token, hash } = createToken();
  if (caller.userId) {
    const existing = await repo.rejoinParticipant(deps.db, workshop.id, caller.userId, hash);
    if (existing) return { workshopId: workshop.id, participantId: existing, secret: `${existing}.${token}` };
  }
  const role =
    workshop.mode === 'presentations' ? await roleOf(deps, workshop.id, input.judgeKey, caller.ip) : 'audience';
  const groups = await repo.listGroups(deps.db, workshop.id);
  let groupId: string | null = null;
  if (workshop.grouping === 'position')
    groupId = groups.find((g) => g.key === `position:${input.position}`)?.id ?? null;
  if (workshop.grouping === 'table') {
    if (!input.tableNumber)
      throw new AppError('validation', undefined, [{ path: 'body.tableNumber', code: 'workshop.table_required' }]);
    groupId = groups.find((g) => g.key === `table:${input.tableNumber}`)?.id ?? null;
    if (!groupId)
      throw new AppError('validation', undefined, [{ path: 'body.tableNumber', code: 'workshop.table_required' }]);
  }
  const id = newId();
  const inserted = await repo.insertParticipant(deps.db, {
    id,
    workshopId: workshop.id,
    userId: caller.userId,
    nickname: input.nickname,
    position: input.position,
    departmentName: input.departmentName || null,
    tableNumber: input.tableNumber ?? null,
    groupId,
    secretHash: hash,
    role,
    joinedAt: deps.now(),
  });
  // The same person joining twice at once: the other request made the participant; this one takes it.
  if (inserted !== id) return { workshopId: workshop.id, participantId: inserted, secret: `${inserted}.${token}` };
  if (workshop.mode === 'presentations') scheduleCounts(deps, workshop.id);
  else scheduleLiveCounts(deps, workshop.id);
  return { workshopId: workshop.id, participantId: id, secret: `${id}.${token}` };
}

/**
 * At a presentation event, the judges' key makes someone a judge. A wrong key counts as a wrong
 * code (the same limit per address), so the key cannot be guessed either.
 */
async function roleOf(
  deps: Pick<WorkshopDeps, 'db' | 'now'>,
  workshopId: string,
  judgeKey: string | undefined,
  ip: string | null,
) {
  if (!judgeKey) return 'audience' as const;
  const event = await findEvent(deps.db, workshopId);
  const given = Buffer.from(judgeKey);
  const kept = Buffer.from(event?.judgeKey ?? '');
  if (given.length === kept.length && timingSafeEqual(given, kept)) return 'judge' as const;
  await hitRateLimit(deps.db, codeGuessKey(ip), codeGuessLimit.windowSeconds, deps.now());
  throw new AppError('validation', undefined, [{ path: 'body.judgeKey', code: 'event.judge_key_wrong' }]);
}

/** The participant id and secret a cookie holds, when it has their shape. */
function cookieParts(cookie: string | undefined) {
  const [id, token] = (cookie ?? '').split('.');
  return id && token && /^[0-9a-f-]{36}$/.test(id) ? { id, token } : null;
}

function secretMatches(secretHash: string, token: string) {
  const given = Buffer.from(hashToken(token));
  const kept = Buffer.from(secretHash);
  return given.length === kept.length && timingSafeEqual(given, kept);
}

/** The participant a cookie names, if its secret matches; null otherwise. */
export async function participantOf(db: Db, workshopId: string, cookie: string | undefined) {
  const parts = cookieParts(cookie);
  if (!parts) return null;
  const participant = await repo.findParticipant(db, workshopId, parts.id);
  return participant && secretMatches(participant.secretHash, parts.token) ? participant : null;
}

/**
 * Writes while the workshop is open: the row is read with a share lock, so a lock taken at the
 * same moment waits for this write or this write sees the lock; nothing lands after it.
 */
export async function whileOpen<T>(db: Db, workshopId: string, write: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const current = await repo.findWorkshopById(tx, workshopId, { lock: 'share' });
    if (!current) throw new AppError('not_found');
    if (current.status === 'locked') throw new AppError('workshop_locked');
    return write(tx);
  });
}

/** The workshop (of the given mode) and the participant a cookie names, or not_found. */
export async function requireParticipant(
  db: Db,
  workshopId: string,
  cookie: string | undefined,
  mode: repo.WorkshopRow['mode'] = 'sheet',
) {
  const parts = cookieParts(cookie);
  // One read for both: every answer of a seminar starts here.
  const found = parts ? await repo.findWorkshopAndParticipant(db, workshopId, parts.id) : null;
  if (!parts || !found || found.workshop.mode !== mode || !secretMatches(found.participant.secretHash, parts.token))
    throw new AppError('not_found');
  return found;
}

export async function participantView(
  db: Db,
  workshopId: string,
  cookie: string | undefined,
): Promise<ParticipantView> {
  const { workshop, participant } = await requireParticipant(db, workshopId, cookie);
  const [view, answers] = await Promise.all([viewOf(db, workshop), repo.listAnswersOf(db, participant.id)]);
  return {
    ...view,
    tally: tallyForParticipant(view.tally, participant.groupId),
    me: {
      id: participant.id,
      nickname: participant.nickname,
      position: participant.position as Position,
      groupId: participant.groupId,
      answers,
      pollItemKey: participant.pollItemKey,
    },
  };
}

/** Gives, changes or takes back a participant's level for one item, until the workshop is locked. */
export async function answer(
  deps: WorkshopDeps,
  workshopId: string,
  cookie: string | undefined,
  input: z.infer<typeof answerSchema>,
) {
  const { workshop, participant } = await requireParticipant(deps.db, workshopId, cookie);
  if (workshop.status === 'locked') throw new AppError('workshop_locked');
  const hits = await hitRateLimit(deps.db, `workshop-answer:${participant.id}`, answerLimit.windowSeconds, deps.now());
  if (hits > answerLimit.perWindow) throw new AppError('answer_flood');
  const item = itemOf(await roundItemsOf(deps.db, workshop.orgId, workshop.roundId), input.itemKey);
  const row = { participantId: participant.id, workshopId: workshop.id, itemKey: input.itemKey, now: deps.now() };
  if (input.level === null) {
    await whileOpen(deps.db, workshop.id, (tx) => repo.saveAnswer(tx, { ...row, level: null }));
  } else {
    if (input.level > item.levels.length)
      throw new AppError('validation', undefined, [{ path: 'body.level', code: 'workshop.level_range' }]);
    // One statement, under the same share lock as whileOpen: at a seminar's rate of answers every
    // round trip counts.
    if (!(await repo.saveAnswerWhileOpen(deps.db, { ...row, level: input.level }))) {
      const current = await repo.findWorkshopById(deps.db, workshop.id);
      throw new AppError(current ? 'workshop_locked' : 'not_found');
    }
  }
  scheduleLiveCounts(deps, workshop.id);
}

/** The closing poll: the item this participant finds most important, while the poll is open. */
export async function vote(
  deps: WorkshopDeps,
  workshopId: string,
  cookie: string | undefined,
  input: z.infer<typeof pollVoteSchema>,
) {
  const { workshop, participant } = await requireParticipant(deps.db, workshopId, cookie);
  if (workshop.status === 'locked' || !workshop.pollOpen) throw new AppError('workshop_locked');
  const round = await roundSheetOf(deps.db, workshop.orgId, workshop.roundId);
  itemOf(round, input.itemKey);
  await whileOpen(deps.db, workshop.id, (tx) =>
    repo.updateParticipant(tx, workshop.id, participant.id, { pollItemKey: input.itemKey }),
  );
  scheduleLiveCounts(deps, workshop.id);
}
