import { z } from 'zod';
import { idSchema } from '../../../shared/common/schema.js';
import {
  commentInputSchema,
  createPresentationEventSchema,
  eventCommentSchema,
  eventParticipantViewSchema,
  eventVoteSchema,
  facilitatorEventViewSchema,
  hideCommentSchema,
  presentationControlSchema,
  programmeSchema,
  scoreInputSchema,
} from '../../../shared/workshops/presentation-schema.js';
import { workshopExportQuerySchema } from '../../../shared/workshops/workshop-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { sendDownload } from '../../lib/download.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { pickLocale } from '../../plugins/errors.js';
import { cookieOf } from './participants.js';
import { exportEvent } from './presentation-export.js';
import * as participants from './presentation-participants.js';
import * as service from './presentation-service.js';
import type { WorkshopDeps } from './service.js';

const run = { access: { kind: 'org', permission: 'workshop.run' } } as const;
const publicAccess = { access: { kind: 'public' } } as const;
const tags = ['presentation events'];
const eventParams = orgParamsWith('eventId');
const participantParams = z.strictObject({ eventId: idSchema });

/**
 * Presentation events (事例発表会): the facilitator's routes under the organisation and the
 * participants' by cookie. Joining, lookup and the live streams are the workshops' routes.
 */
export function registerPresentationRoutes(app: ZodApp, deps: AppDeps, live: WorkshopDeps) {
  app.post(
    '/api/orgs/:orgId/presentation-events',
    {
      config: run,
      schema: {
        tags,
        summary: 'Open a presentation event: its programme, judging criteria, join code and judges’ key',
        params: orgParams,
        body: createPresentationEventSchema,
        response: { 201: z.object({ id: idSchema, code: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createEvent(orgContext(request, deps), request.body)),
  );

  app.get(
    '/api/orgs/:orgId/presentation-events/:eventId',
    {
      config: run,
      schema: {
        tags,
        summary: 'The event as the facilitator sees it: programme, comments, counts, scoring and the results so far',
        params: eventParams,
        response: { 200: facilitatorEventViewSchema },
      },
    },
    async (request) => service.getEvent(orgContext(request, deps), request.params.eventId),
  );

  app.patch(
    '/api/orgs/:orgId/presentation-events/:eventId',
    {
      config: run,
      schema: {
        tags,
        summary:
          "Step to a presentation, start or stop the presenter's time, open the vote, announce the results, lock",
        params: eventParams,
        body: presentationControlSchema,
        response: { 200: facilitatorEventViewSchema },
      },
    },
    async (request) => service.controlEvent(orgContext(request, deps), request.params.eventId, request.body),
  );

  app.put(
    '/api/orgs/:orgId/presentation-events/:eventId/programme',
    {
      config: run,
      schema: {
        tags,
        summary: 'Replace the programme: order, new presentations, and removal of those nothing hangs on',
        params: eventParams,
        body: programmeSchema,
        response: { 200: facilitatorEventViewSchema },
      },
    },
    async (request) => service.saveProgramme(orgContext(request, deps), request.params.eventId, request.body),
  );

  app.patch(
    '/api/orgs/:orgId/presentation-events/:eventId/comments/:commentId',
    {
      config: run,
      schema: {
        tags,
        summary: 'Hide a comment from every screen but the facilitator’s, or show it again',
        params: eventParams.extend({ commentId: idSchema }),
        body: hideCommentSchema,
        response: { 200: eventCommentSchema },
      },
    },
    async (request) =>
      service.hideComment(
        orgContext(request, deps),
        request.params.eventId,
        request.params.commentId,
        request.body.hidden,
      ),
  );

  app.get(
    '/api/orgs/:orgId/presentation-events/:eventId/export',
    {
      config: run,
      schema: {
        tags,
        summary: 'The results (judges’ scores, audience vote) and the comments as CSV or xlsx',
        params: eventParams,
        querystring: workshopExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportEvent(
        orgContext(request, deps),
        request.params.eventId,
        request.query.format,
        request.query.lang ?? pickLocale(request),
      );
      return sendDownload(reply, file);
    },
  );

  // ——— Participants ———

  app.get(
    '/api/presentation-events/:eventId/me',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: "The participant's view: the event, who they are, their vote and (a judge's) scores",
        params: participantParams,
        response: { 200: eventParticipantViewSchema },
      },
    },
    async (request) =>
      participants.eventParticipantView(live, request.params.eventId, cookieOf(request, request.params.eventId)),
  );

  app.post(
    '/api/presentation-events/:eventId/comments',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Comment on a presentation, by nickname or anonymously (rate limited)',
        params: participantParams,
        body: commentInputSchema,
        response: { 201: eventCommentSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await participants.postComment(
            live,
            request.params.eventId,
            cookieOf(request, request.params.eventId),
            request.body,
          ),
        ),
  );

  app.put(
    '/api/presentation-events/:eventId/scores',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: "A judge's scores for a presentation, every criterion 1 to 5, until the results are announced",
        params: participantParams,
        body: scoreInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await participants.saveScore(
        live,
        request.params.eventId,
        cookieOf(request, request.params.eventId),
        request.body,
      );
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/presentation-events/:eventId/vote',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'The audience vote for a favourite presentation, while the vote is open',
        params: participantParams,
        body: eventVoteSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await participants.vote(live, request.params.eventId, cookieOf(request, request.params.eventId), request.body);
      return reply.code(204).send(null);
    },
  );
}
