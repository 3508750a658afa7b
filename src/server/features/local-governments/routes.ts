import { z } from 'zod';
import { localGovernmentSchema } from '../../../shared/orgs/schema.js';
import type { ZodApp } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { findLocalGovernment, searchLocalGovernments } from './catalog.js';

export function registerLocalGovernmentRoutes(app: ZodApp) {
  app.get(
    '/api/local-governments',
    {
      config: { access: { kind: 'user' } },
      schema: {
        tags: ['organisations'],
        summary: 'Search the national list of local governments',
        querystring: z.strictObject({
          q: z.string().max(100).default(''),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
        response: { 200: z.array(localGovernmentSchema) },
      },
    },
    async (request) => searchLocalGovernments(request.query.q, request.query.limit),
  );

  app.get(
    '/api/local-governments/:lgCode',
    {
      config: { access: { kind: 'user' } },
      schema: {
        tags: ['organisations'],
        summary: 'One local government by its code',
        params: z.strictObject({ lgCode: z.string().regex(/^\d{6}$/) }),
        response: { 200: localGovernmentSchema },
      },
    },
    async (request) => {
      const found = findLocalGovernment(request.params.lgCode);
      if (!found) throw new AppError('not_found');
      return found;
    },
  );
}
