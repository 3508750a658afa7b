import { z } from 'zod';
import { idSchema } from '../../../shared/common/schema.js';
import {
  createWorkshopSchema,
  moveParticipantSchema,
  noteSchema,
  workshopControlSchema,
  workshopExportQuerySchema,
  workshopListSchema,
  workshopNoteSchema,
  workshopPlanDraftsSchema,
  workshopProgressSchema,
  workshopViewSchema,
} from '../../../shared/workshops/workshop-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { sendDownload } from '../../lib/download.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { pickLocale } from '../../plugins/errors.js';
import { openEventStream } from './event-stream.js';
import { LiveHub } from './live.js';
import { registerParticipantRoutes } from './participant-routes.js';
import { registerPresentationRoutes } from './presentation-routes.js';
import * as repo from './repo.js';
import * as service from './service.js';
import { exportSummary, planDraftsOf } from './summary.js';

const run = { access: { kind: 'org', permission: 'workshop.run' } } as const;
const tags = ['workshops'];
const workshopParams = orgParamsWith('workshopId');

/** Live workshops: facilitator routes under the organisation, participant routes by code and cookie. */
export function registerWorkshopRoutes(app: ZodApp, deps: AppDeps) {
  const hub = new LiveHub(deps.database, deps.db);
  app.addHook('onReady', () => hub.start());
  app.addHook('onClose', () => hub.stop());
  const live: service.WorkshopDeps = { db: deps.db, hub, now: deps.now };

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

  registerParticipantRoutes(app, deps, live);
}
