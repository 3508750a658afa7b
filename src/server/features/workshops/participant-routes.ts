import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../shared/common/schema.js';
import type { EventComment } from '../../../shared/workshops/presentation-schema.js';
import {
  answerSchema,
  joinWorkshopSchema,
  participantViewSchema,
  pollVoteSchema,
  type WorkshopTally,
  workshopCodeSchema,
  workshopLookupSchema,
} from '../../../shared/workshops/workshop-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { isCookieSecure } from '../../plugins/auth.js';
import { openEventStream } from './event-stream.js';
import * as participants from './participants.js';
import { commentForAudience } from './presentation-service.js';
import * as repo from './repo.js';
import * as service from './service.js';

const publicAccess = { access: { kind: 'public' } } as const;
const tags = ['workshops'];
const participantParams = z.strictObject({ workshopId: idSchema });
const { cookieOf } = participants;

/**
 * The participants' routes of every workshop (sheet or presentation event): finding one by its
 * code, joining without an account (the cookie that brings them back), answering, voting and the
 * live stream of their screen.
 */
export function registerParticipantRoutes(app: ZodApp, deps: AppDeps, live: service.WorkshopDeps) {
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isCookieSecure(request, deps.env.COOKIE_SECURE),
    maxAge: 7 * 24 * 3600,
  });

  app.get(
    '/api/workshops/lookup',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'What a join form needs for a code: the title, how it groups, its tables',
        querystring: z.object({ code: workshopCodeSchema }),
        response: { 200: workshopLookupSchema },
      },
    },
    async (request) => {
      const workshop = await participants.workshopByCode(live, request.query.code, request.ip ?? null);
      const groups = await repo.listGroups(deps.db, workshop.id);
      return {
        workshopId: workshop.id,
        mode: workshop.mode,
        title: workshop.title,
        grouping: workshop.grouping,
        tables: groups.filter((g) => g.key.startsWith('table:')).map((g) => Number(g.key.slice(6))),
        status: workshop.status,
        requireAccount: workshop.requireAccount,
      };
    },
  );

  app.post(
    '/api/workshops/join',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Join a workshop by its code, without an account; sets the cookie that brings the participant back',
        body: joinWorkshopSchema,
        response: { 201: z.object({ workshopId: idSchema, participantId: idSchema }) },
      },
    },
    async (request, reply) => {
      const joined = await participants.joinWorkshop(
        live,
        { userId: request.actor?.userId ?? null, ip: request.ip ?? null },
        request.body,
      );
      reply.setCookie(participants.participantCookie(joined.workshopId), joined.secret, cookieOptions(request));
      return reply.code(201).send({ workshopId: joined.workshopId, participantId: joined.participantId });
    },
  );

  app.get(
    '/api/workshops/:workshopId/me',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: "The participant's view: the workshop, who they are and their answers (by their cookie)",
        params: participantParams,
        response: { 200: participantViewSchema },
      },
    },
    async (request) =>
      participants.participantView(deps.db, request.params.workshopId, cookieOf(request, request.params.workshopId)),
  );

  app.put(
    '/api/workshops/:workshopId/answers',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: "Give, change or take back the participant's level for an item (rate limited)",
        params: participantParams,
        body: answerSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await participants.answer(
        live,
        request.params.workshopId,
        cookieOf(request, request.params.workshopId),
        request.body,
      );
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/workshops/:workshopId/poll',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Vote in the closing poll for the most important item',
        params: participantParams,
        body: pollVoteSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await participants.vote(
        live,
        request.params.workshopId,
        cookieOf(request, request.params.workshopId),
        request.body,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/workshops/:workshopId/events',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: "Live events for a participant's screen (text/event-stream; resumes after Last-Event-ID)",
        params: participantParams,
        querystring: z.object({ after: z.string().regex(/^\d+$/).optional() }),
      },
    },
    async (request, reply) => {
      const participant = await participants.participantOf(
        deps.db,
        request.params.workshopId,
        cookieOf(request, request.params.workshopId),
      );
      if (!participant) throw new AppError('not_found');
      // The participant's group, followed when a state event says groups may have changed.
      let groupId = participant.groupId;
      openEventStream(live.hub, request, reply, request.params.workshopId, 'all', {
        shape: (event) => {
          if (event.kind === 'tally') return service.tallyForParticipant(event.payload as WorkshopTally, groupId);
          if (event.kind === 'comment') return commentForAudience(event.payload as EventComment);
          return event.payload;
        },
        // Everything else is the same for every participant: one text per group.
        variant: () => `group:${groupId ?? ''}`,
        observe: (event) => {
          const moved = (event.payload as { movedParticipantId?: string }).movedParticipantId;
          if (event.kind === 'state' && moved === participant.id)
            void repo
              .findParticipant(deps.db, participant.workshopId, participant.id)
              .then((row) => {
                groupId = row?.groupId ?? null;
              })
              .catch(() => {});
        },
      });
    },
  );
}
