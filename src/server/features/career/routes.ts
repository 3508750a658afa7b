import { z } from 'zod';
import {
  careerEntryInputSchema,
  careerEntrySchema,
  careerExportQuerySchema,
  careerFacilitatorsSchema,
  careerMapSchema,
  careerSharesInputSchema,
  sharedCareerMapsSchema,
} from '../../../shared/career/career-schema.js';
import { idSchema } from '../../../shared/common/schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { sendDownload } from '../../lib/download.js';
import { serviceContext } from '../../plugins/auth.js';
import { pickLocale } from '../../plugins/errors.js';
import { exportCareerMap } from './export.js';
import * as service from './service.js';

/**
 * The career map is the signed-in person's own, not an organisation's: every route needs only a
 * session. Reading someone else's map needs their share, and is a 404 without it.
 */
const signedIn = { access: { kind: 'user' } } as const;
const tags = ['career'];
const entryParams = z.strictObject({ entryId: idSchema });

export function registerCareerRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/me/career',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'My improvement career map: my entries (newest first), the cases I reported, my shares',
        response: { 200: careerMapSchema },
      },
    },
    async (request) => service.getMyMap(serviceContext(request, deps)),
  );

  app.post(
    '/api/me/career/entries',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Add a role, project, cross-boundary work or seminar to my career map',
        body: careerEntryInputSchema,
        response: { 201: careerEntrySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createEntry(serviceContext(request, deps), request.body)),
  );

  // PUT, not PATCH: the body is the whole entry, and a field left out is emptied, as PUT says.
  app.put(
    '/api/me/career/entries/:entryId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Rewrite one of my entries (every field is sent)',
        params: entryParams,
        body: careerEntryInputSchema,
        response: { 200: careerEntrySchema },
      },
    },
    async (request) => service.updateEntry(serviceContext(request, deps), request.params.entryId, request.body),
  );

  app.delete(
    '/api/me/career/entries/:entryId',
    {
      config: signedIn,
      schema: { tags, summary: 'Remove one of my entries', params: entryParams },
    },
    async (request, reply) => {
      await service.deleteEntry(serviceContext(request, deps), request.params.entryId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/me/career/facilitators',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'The facilitators I may share my map with: those of the organisations I belong to',
        response: { 200: careerFacilitatorsSchema },
      },
    },
    async (request) => service.listFacilitators(serviceContext(request, deps)),
  );

  app.put(
    '/api/me/career/shares',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Choose the facilitators who may read my map (replaces the list; empty makes it private)',
        body: careerSharesInputSchema,
        response: { 200: careerMapSchema },
      },
    },
    async (request) => service.replaceShares(serviceContext(request, deps), request.body.facilitatorIds),
  );

  app.get(
    '/api/me/career/export',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'My whole map as CSV (UTF-8 with BOM), xlsx, or JSON to carry it elsewhere',
        querystring: careerExportQuerySchema,
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps);
      const map = await service.getMyMap(ctx);
      const file = await exportCareerMap(
        map,
        request.query.format,
        request.query.lang ?? pickLocale(request),
        ctx.now(),
      );
      return sendDownload(reply, file);
    },
  );

  app.get(
    '/api/career-maps/shared-with-me',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'The people who share their career map with me as a facilitator',
        response: { 200: sharedCareerMapsSchema },
      },
    },
    async (request) => service.listSharedWithMe(serviceContext(request, deps)),
  );

  app.get(
    '/api/career-maps/:userId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: "A person's career map, read-only, when they share it with me (404 otherwise)",
        params: z.strictObject({ userId: idSchema }),
        response: { 200: careerMapSchema },
      },
    },
    async (request) => service.getSharedMap(serviceContext(request, deps), request.params.userId),
  );
}
