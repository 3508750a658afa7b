import { z } from 'zod';
import {
  awardInputSchema,
  caseDetailSchema,
  caseExportQuerySchema,
  caseInputSchema,
  caseSearchQuerySchema,
  caseSearchResultSchema,
  publicCaseSearchQuerySchema,
  reviewActionSchema,
  similarCasesQuerySchema,
  similarCasesSchema,
} from '../../../shared/cases/case-schema.js';
import { idSchema } from '../../../shared/common/schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { sendDownload } from '../../lib/download.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { pickLocale } from '../../plugins/errors.js';
import { registerAttachmentRoutes } from './attachment-routes.js';
import { exportCases } from './export.js';
import * as review from './review.js';
import * as search from './search.js';
import * as service from './service.js';
import { registerSuggestionRoutes } from './suggestions.js';

const read = { access: { kind: 'org', permission: 'org.read' } } as const;
const report = { access: { kind: 'org', permission: 'case.report' } } as const;
const publish = { access: { kind: 'org', permission: 'case.publish' } } as const;
const tags = ['cases'];
const caseParams = orgParamsWith('caseId');
const publicAccess = { access: { kind: 'public' } } as const;

export function registerCaseRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/cases',
    {
      config: read,
      schema: {
        tags,
        summary: 'Search the cases the caller may see: own and shared by other organisations',
        params: orgParams,
        querystring: caseSearchQuerySchema,
        response: { 200: caseSearchResultSchema },
      },
    },
    async (request) => search.searchCases(orgContext(request, deps), request.query),
  );

  app.post(
    '/api/orgs/:orgId/cases',
    {
      config: report,
      schema: {
        tags,
        summary: 'Report a case (saved as a draft)',
        params: orgParams,
        body: caseInputSchema,
        response: { 201: z.object({ id: idSchema }) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createCase(orgContext(request, deps), request.body)),
  );

  app.get(
    '/api/orgs/:orgId/cases/:caseId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One case as the caller may read it',
        params: caseParams,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => service.getCase(orgContext(request, deps), request.params.caseId),
  );

  app.get(
    '/api/orgs/:orgId/cases/:caseId/similar',
    {
      config: read,
      schema: {
        tags,
        summary: 'Cases like this one that the caller may see, by the words they share',
        params: caseParams,
        querystring: similarCasesQuerySchema,
        response: { 200: similarCasesSchema },
      },
    },
    async (request) => search.findSimilarCases(orgContext(request, deps), request.params.caseId, request.query.limit),
  );

  app.put(
    '/api/orgs/:orgId/cases/:caseId',
    {
      config: report,
      schema: {
        tags,
        summary: 'Change a case: its reporters while draft or returned, administrators at any time',
        params: caseParams,
        body: caseInputSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => service.updateCase(orgContext(request, deps), request.params.caseId, request.body),
  );

  app.delete(
    '/api/orgs/:orgId/cases/:caseId',
    {
      config: report,
      schema: { tags, summary: 'Delete a draft (or, for administrators, any case)', params: caseParams },
    },
    async (request, reply) => {
      await service.deleteCase(orgContext(request, deps), request.params.caseId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/orgs/:orgId/cases/:caseId/review',
    {
      config: report,
      schema: {
        tags,
        summary: 'Submit, return, approve, publish, take back or comment on a case',
        params: caseParams,
        body: reviewActionSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => review.reviewCase(orgContext(request, deps), deps, request.params.caseId, request.body),
  );

  app.post(
    '/api/orgs/:orgId/cases/:caseId/awards',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Record an award (表彰) for a published case',
        params: caseParams,
        body: awardInputSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => review.awardCase(orgContext(request, deps), request.params.caseId, request.body),
  );

  app.get(
    '/api/orgs/:orgId/cases/export',
    {
      config: read,
      schema: {
        tags,
        summary: "A search's cases as CSV (UTF-8 with BOM) or xlsx, up to 10,000",
        params: orgParams,
        querystring: caseExportQuerySchema,
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const file = await exportCases(orgContext(request, deps), query, lang ?? pickLocale(request));
      return sendDownload(reply, file);
    },
  );

  app.get(
    '/api/orgs/:orgId/cases/reporter-candidates',
    {
      config: report,
      schema: {
        tags,
        summary: 'Members who can be named as the team of a case (names only)',
        params: orgParams,
        response: { 200: z.array(z.object({ id: idSchema, displayName: z.string() })) },
      },
    },
    async (request) => service.listReporterCandidates(orgContext(request, deps)),
  );

  app.get(
    '/api/orgs/:orgId/case-tags',
    {
      config: read,
      schema: {
        tags,
        summary: "The organisation's case tags",
        params: orgParams,
        response: { 200: z.array(z.object({ id: idSchema, name: z.string() })) },
      },
    },
    async (request) => service.listTags(orgContext(request, deps)),
  );

  app.get(
    '/api/public/cases',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'Search public published cases, without login',
        querystring: publicCaseSearchQuerySchema,
        response: { 200: caseSearchResultSchema },
      },
    },
    async (request) => search.searchPublicCases(deps.db, request.query),
  );

  app.get(
    '/api/public/cases/:caseId',
    {
      config: publicAccess,
      schema: {
        tags,
        summary: 'A public published case, without login: internal fields left out, as for other organisations',
        params: z.strictObject({ caseId: idSchema }),
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => service.getPublicCase(deps.db, request.params.caseId),
  );

  registerAttachmentRoutes(app, deps);
  registerSuggestionRoutes(app, deps);
}
