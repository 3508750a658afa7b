import { z } from 'zod';
import { idSchema } from '../../../shared/common/schema.js';
import {
  createRoundSchema,
  inviteToRoundResultSchema,
  inviteToRoundSchema,
  joinRoundSchema,
  myResponseSchema,
  namedResponsesSchema,
  responseDefaultsSchema,
  resultsQuerySchema,
  roundDetailSchema,
  roundExportQuerySchema,
  roundResultsSchema,
  roundSummarySchema,
  saveResponseSchema,
  unitSpreadSchema,
  unitTrendQuerySchema,
  unitTrendSchema,
  updateRoundSchema,
} from '../../../shared/sheets/round-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { sendDownload } from '../../lib/download.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { pickLocale } from '../../plugins/errors.js';
import { exportRound } from './exports.js';
import * as invitations from './invitations.js';
import * as responses from './responses.js';
import * as results from './results.js';
import * as service from './service.js';

const roundParams = orgParamsWith('roundId');
const read = { access: { kind: 'org', permission: 'sheet.read' } } as const;
const manage = { access: { kind: 'org', permission: 'sheet.manage' } } as const;
const tags = ['rounds'];

export function registerRoundRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/rounds',
    {
      config: read,
      schema: {
        tags,
        summary: 'Rounds the caller can see: all for people who manage sheets, else those they are in scope for',
        params: orgParams,
        querystring: z.strictObject({ templateId: idSchema.optional() }),
        response: { 200: z.array(roundSummarySchema) },
      },
    },
    async (request) => service.listRounds(orgContext(request, deps), request.query.templateId),
  );

  app.post(
    '/api/orgs/:orgId/rounds',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Start a round of a template version for a scope and dates',
        params: orgParams,
        body: createRoundSchema,
        response: { 201: z.object({ id: idSchema }) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createRound(orgContext(request, deps), request.body)),
  );

  app.post(
    '/api/orgs/:orgId/rounds/join',
    {
      config: read,
      schema: {
        tags,
        summary: "Open a round's link: joins a cohort round, leads on to answering",
        params: orgParams,
        body: joinRoundSchema,
        response: { 200: z.object({ roundId: idSchema }) },
      },
    },
    async (request) => service.joinRound(orgContext(request, deps), request.body.token),
  );

  app.get(
    '/api/orgs/:orgId/rounds/:roundId',
    {
      config: read,
      schema: { tags, summary: 'A round with its sheet', params: roundParams, response: { 200: roundDetailSchema } },
    },
    async (request) => service.getRound(orgContext(request, deps), request.params.roundId),
  );

  app.patch(
    '/api/orgs/:orgId/rounds/:roundId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the title or dates',
        params: roundParams,
        body: updateRoundSchema,
        response: { 200: roundSummarySchema },
      },
    },
    async (request) => service.updateRound(orgContext(request, deps), request.params.roundId, request.body),
  );

  app.post(
    '/api/orgs/:orgId/rounds/:roundId/close',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Close the round now',
        params: roundParams,
        body: z.strictObject({}),
        response: { 200: roundSummarySchema },
      },
    },
    async (request) => service.closeRound(orgContext(request, deps), request.params.roundId),
  );

  app.delete(
    '/api/orgs/:orgId/rounds/:roundId',
    {
      config: manage,
      schema: { tags, summary: 'Delete a round nobody has answered', params: roundParams },
    },
    async (request, reply) => {
      await service.deleteRound(orgContext(request, deps), request.params.roundId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/orgs/:orgId/rounds/:roundId/invitations',
    {
      config: manage,
      schema: {
        tags,
        summary: "Mail the round's link to people in its scope",
        params: roundParams,
        body: inviteToRoundSchema,
        response: { 200: inviteToRoundResultSchema },
      },
    },
    async (request) => invitations.inviteToRound(deps, orgContext(request, deps), request.params.roundId, request.body),
  );

  app.get(
    '/api/orgs/:orgId/rounds/:roundId/response-defaults',
    {
      config: read,
      schema: {
        tags,
        summary: 'Position and department a new response starts from',
        params: roundParams,
        response: { 200: responseDefaultsSchema },
      },
    },
    async (request) => responses.responseDefaults(orgContext(request, deps), request.params.roundId),
  );

  app.get(
    '/api/orgs/:orgId/rounds/:roundId/my-response',
    {
      config: read,
      schema: { tags, summary: "The caller's own response", params: roundParams, response: { 200: myResponseSchema } },
    },
    async (request) => responses.getMyResponse(orgContext(request, deps), request.params.roundId),
  );

  app.post(
    '/api/orgs/:orgId/rounds/:roundId/my-response',
    {
      config: read,
      schema: {
        tags,
        summary: "Start the caller's response (one per person and round)",
        params: roundParams,
        body: saveResponseSchema,
        response: { 201: myResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await responses.saveMyResponse(orgContext(request, deps), request.params.roundId, request.body, 'create'),
        ),
  );

  app.put(
    '/api/orgs/:orgId/rounds/:roundId/my-response',
    {
      config: read,
      schema: {
        tags,
        summary: "Save the caller's response as a draft or submit it; editable until the round closes",
        params: roundParams,
        body: saveResponseSchema,
        response: { 200: myResponseSchema },
      },
    },
    async (request) =>
      responses.saveMyResponse(orgContext(request, deps), request.params.roundId, request.body, 'update'),
  );

  app.get(
    '/api/orgs/:orgId/rounds/:roundId/results',
    {
      config: read,
      schema: {
        tags,
        summary: 'Results: aggregates over fewer than k responses are withheld',
        params: roundParams,
        querystring: resultsQuerySchema,
        response: { 200: roundResultsSchema },
      },
    },
    async (request) => results.getResults(orgContext(request, deps), request.params.roundId, request.query),
  );

  app.get(
    '/api/orgs/:orgId/rounds/:roundId/unit-spread',
    {
      config: manage,
      schema: {
        tags,
        summary: "Units' medians per item, nameless and unranked",
        params: roundParams,
        response: { 200: unitSpreadSchema },
      },
    },
    async (request) => results.getUnitSpread(orgContext(request, deps), request.params.roundId),
  );

  app.get(
    '/api/orgs/:orgId/departments/:departmentId/sheet-trend',
    {
      config: manage,
      schema: {
        tags,
        summary: "One unit's own trend over the rounds of a template",
        params: orgParamsWith('departmentId'),
        querystring: unitTrendQuerySchema,
        response: { 200: unitTrendSchema },
      },
    },
    async (request) =>
      results.getUnitTrend(orgContext(request, deps), request.params.departmentId, request.query.templateId),
  );

  app.get(
    '/api/orgs/:orgId/rounds/:roundId/responses',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Individual answers of a named round (never of an anonymous one)',
        params: roundParams,
        response: { 200: namedResponsesSchema },
      },
    },
    async (request) => results.getNamedResponses(orgContext(request, deps), request.params.roundId),
  );

  app.get(
    '/api/orgs/:orgId/rounds/:roundId/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download results, my answers, or (named rounds) individual answers as CSV or xlsx',
        params: roundParams,
        querystring: roundExportQuerySchema,
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const file = await exportRound(
        orgContext(request, deps),
        request.params.roundId,
        query,
        lang ?? pickLocale(request),
      );
      return sendDownload(reply, file);
    },
  );
}
