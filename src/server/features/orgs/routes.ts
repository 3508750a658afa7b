import { z } from 'zod';
import { createOrgSchema, orgSummarySchema, updateOrgSchema } from '../../../shared/orgs/schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { orgParams } from '../../lib/params.js';
import { orgContext, serviceContext } from '../../plugins/auth.js';
import * as service from './service.js';

export function registerOrgRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId',
    {
      config: { access: { kind: 'org', permission: 'org.read' } },
      schema: {
        tags: ['organisations'],
        summary: 'One organisation',
        params: orgParams,
        response: { 200: orgSummarySchema },
      },
    },
    async (request) => service.getOrg(orgContext(request, deps)),
  );

  app.patch(
    '/api/orgs/:orgId',
    {
      config: { access: { kind: 'org', permission: 'org.update' } },
      schema: {
        tags: ['organisations'],
        summary: 'Edit the organisation profile',
        params: orgParams,
        body: updateOrgSchema,
        response: { 200: orgSummarySchema },
      },
    },
    async (request) => service.updateOrg(orgContext(request, deps), request.body),
  );

  app.get(
    '/api/platform/orgs',
    {
      config: { access: { kind: 'platform' } },
      schema: { tags: ['platform'], summary: 'Every organisation', response: { 200: z.array(orgSummarySchema) } },
    },
    async (request) => service.listOrgs(serviceContext(request, deps)),
  );

  app.post(
    '/api/platform/orgs',
    {
      config: { access: { kind: 'platform' } },
      schema: {
        tags: ['platform'],
        summary: 'Register an organisation',
        body: createOrgSchema,
        response: { 201: orgSummarySchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createOrg(serviceContext(request, deps), deps.mailer, request.body)),
  );
}
