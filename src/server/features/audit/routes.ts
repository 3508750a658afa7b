import { z } from 'zod';
import { auditPageSchema, listAuditQuerySchema } from '../../../shared/audit/schema.js';
import { mailSchema, revealedMailSchema } from '../../../shared/mail/schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { listOutbox, revealMail } from '../mail/outbox.js';
import * as service from './service.js';

export function registerAuditRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/audit-events',
    {
      config: { access: { kind: 'org', permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit log of the organisation',
        params: orgParams,
        querystring: listAuditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => service.listAuditEvents(orgContext(request, deps), request.query),
  );

  app.get(
    '/api/orgs/:orgId/outbox',
    {
      config: { access: { kind: 'org', permission: 'outbox.read' } },
      schema: {
        tags: ['audit'],
        summary: 'E-mails sent (or kept, without SMTP) for the organisation',
        params: orgParams,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.array(mailSchema) },
      },
    },
    async (request) => listOutbox(orgContext(request, deps), deps.mailer, request.query.limit),
  );

  app.post(
    '/api/orgs/:orgId/outbox/:mailId/reveal',
    {
      config: { access: { kind: 'org', permission: 'outbox.read' } },
      schema: {
        tags: ['audit'],
        summary: "A kept mail's text with its links, where no mail can be sent (recorded in the audit log)",
        params: orgParamsWith('mailId'),
        response: { 200: revealedMailSchema },
      },
    },
    async (request) => revealMail(orgContext(request, deps), deps.mailer, request.params.mailId),
  );
}
