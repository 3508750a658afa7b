import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../shared/common/schema.js';
import type { EventComment } from '../../../shared/workshops/presentation-schema.js';
import {
  answerSchema,
  createWorkshopSchema,
  joinWorkshopSchema,
  moveParticipantSchema,
  noteSchema,
  participantViewSchema,
  pollVoteSchema,
  type WorkshopTally,
  workshopCodeSchema,
  workshopControlSchema,
  workshopExportQuerySchema,
  workshopListSchema,
  workshopLookupSchema,
  workshopNoteSchema,
  workshopPlanDraftsSchema,
  workshopProgressSchema,
  workshopViewSchema,
} from '../../../shared/workshops/workshop-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { sendDownload } from '../../lib/download.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { isCookieSecure, orgContext } from '../../plugins/auth.js';
import { pickLocale } from '../../plugins/errors.js';
import { openEventStream } from './event-stream.js';
import { LiveHub } from './live.js';
import * as participants from './participants.js';
import { registerPresentationRoutes } from './presentation-routes.js';
import { commentForAudience } from './presentation-service.js';
import * as repo from './repo.js';
import * as service from './service.js';
import { exportSummary, planDraftsOf } from './summary.js';

const run = { access: { kind: 'org', permission: 'workshop.run' } } as const;
const publicAccess = { access: { kind: 'public' } } as const;
const tags = ['workshops'];
const workshopParams = orgParamsWith('workshopId');
const participantParams = z.strictObject({ workshopId: idSchema });
const { cookieOf } = participants;

/** Live workshops: facilitator routes under the organisation, participant routes by code and cookie. */
export function registerWorkshopRoutes(app: ZodApp, deps: AppDeps) {
  const hub = new LiveHub(deps.database, deps.db);
  app.addHook('onReady', () => hub.start());
  app.addHook('onClose', () => hub.stop());
  const live: service.WorkshopDeps = { db: deps.db, hub, now: deps.now };
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isCookieSecure(request, deps.env.COOKIE_SECURE),
    maxAge: 7 * 24 * 3600,
  });

  registerPresentationRoutes(app, deps, live);

  app.post(
    '/api/orgs/:orgId/workshops',
    {
      config: run,
      schema: {
        tags,
        summary: 'Open a live workshop on a round: its groups and a join code',
        params: orgParams,
        body: createWorkshopSchema,
        response: { 201: z.object({ id: idSchema, code: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createWorkshop(orgContext(request, deps), request.body)),
  );

  app.get(
    '/api/orgs/:orgId/workshops',
    {
      config: run,
      schema: {
        tags,
        summary: 'Workshops of the organisation, newest first',
        params: orgParams,
        response: { 200: workshopListSchema },
      },
    },
    async (request) => service.listWorkshops(orgContext(request, deps)),
  );

  app.get(
    '/api/orgs/:orgId/workshops/:workshopId',
    {
      config: run,
      schema: {
        tags,
        summary: 'A workshop as its screens show it: state, items, groups, notes and the live tally',
        params: workshopParams,
        response: { 200: workshopViewSchema },
      },
    },
    async (request) => service.getWorkshop(orgContext(request, deps), request.params.workshopId),
  );

  app.patch(
    '/api/orgs/:orgId/workshops/:workshopId',
    {
      config: run,
      schema: {
        tags,
        summary: 'Step to an item, reveal spreads, open the closing poll, lock or reopen',
        params: workshopParams,
        body: workshopControlSchema,
        response: { 200: workshopViewSchema },
      },
    },
    async (request) =>
      service.controlWorkshop(live, orgContext(request, deps), request.params.workshopId, request.body),
  );

  app.put(
    '/api/orgs/:orgId/workshops/:workshopId/notes',
    {
      config: run,
      schema: {
        tags,
        summary:
          "Record an item's dialogue notes, agreed next move and agreed level with its reason, for all or a group",
        params: workshopParams,
        body: noteSchema,
        response: { 200: workshopNoteSchema },
      },
    },
    async (request) => service.saveNote(orgContext(request, deps), request.params.workshopId, request.body),
  );

  app.get(
    '/api/orgs/:orgId/workshops/:workshopId/progress',
    {
      config: run,
      schema: {
        tags,
        summary: 'Who has joined and how many items each answered, never which levels',
        params: workshopParams,
        response: { 200: workshopProgressSchema },
      },
    },
    async (request) => service.getProgress(orgContext(request, deps), request.params.workshopId),
  );

  app.patch(
    '/api/orgs/:orgId/workshops/:workshopId/participants/:participantId',
    {
      config: run,
      schema: {
        tags,
        summary: 'Move a participant to another group',
        params: workshopParams.extend({ participantId: idSchema }),
        body: moveParticipantSchema,
        response: { 200: workshopProgressSchema },
      },
    },
    async (request) =>
      service.moveParticipant(
        live,
        orgContext(request, deps),
        request.params.workshopId,
        request.params.participantId,
        request.body,
      ),
  );

  app.get(
    '/api/orgs/:orgId/workshops/:workshopId/plan-drafts',
    {
      config: run,
      schema: {
        tags,
        summary: 'Draft action plans per group from the next moves it agreed, for the plans feature to adopt',
        params: workshopParams,
        response: { 200: workshopPlanDraftsSchema },
      },
    },
    async (request) => ({
      drafts: planDraftsOf(await service.getWorkshop(orgContext(request, deps), request.params.workshopId)),
    }),
  );

  app.get(
    '/api/orgs/:orgId/workshops/:workshopId/export',
    {
      config: run,
      schema: {
        tags,
        summary: 'The summary (results withheld below k, notes, next moves by group, poll) as CSV or xlsx',
        params: workshopParams,
        querystring: workshopExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportSummary(
        orgContext(request, deps),
        request.params.workshopId,
        request.query.format,
        request.query.lang ?? pickLocale(request),
      );
      return sendDownload(reply, file);
    },
  );

  app.get(
    '/api/orgs/:orgId/workshops/:workshopId/events',
    {
      config: run,
      schema: {
        tags,
        summary: 'Live events for the facilitator and the projector (text/event-stream; resumes after Last-Event-ID)',
        params: workshopParams,
        querystring: z.object({ after: z.string().regex(/^\d+$/).optional() }),
      },
    },
    async (request, reply) => {
      const ctx = orgContext(request, deps);
      const workshop = await repo.findWorkshop(ctx.db, ctx.scope, request.params.workshopId);
      if (!workshop) throw new AppError('not_found');
      openEventStream(hub, request, reply, workshop.id, 'facilitator');
    },
  );

  // ——— Participants ———

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
      openEventStream(hub, request, reply, request.params.workshopId, 'all', (event) => {
        const moved = (event.payload as { movedParticipantId?: string }).movedParticipantId;
        if (event.kind === 'state' && moved === participant.id)
          void repo
            .findParticipant(deps.db, participant.workshopId, participant.id)
            .then((row) => {
              groupId = row?.groupId ?? null;
            })
            .catch(() => {});
        if (event.kind === 'tally') return service.tallyForParticipant(event.payload as WorkshopTally, groupId);
        if (event.kind === 'comment') return commentForAudience(event.payload as EventComment);
        return event.payload;
      });
    },
  );
}
