import { z } from 'zod';
import { acceptInvitationSchema, meSchema, tokenSchema } from '../../../shared/auth/schema.js';
import { okSchema } from '../../../shared/common/schema.js';
import {
  createInvitationSchema,
  invitationPreviewSchema,
  invitationSchema,
  listMembersQuerySchema,
  loginLockSchema,
  memberSchema,
  updateMemberSchema,
} from '../../../shared/members/schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext, serviceContext, setSessionCookie } from '../../plugins/auth.js';
import { loginLimitsFrom } from '../auth/login-locks.js';
import { getMe, openSession } from '../auth/service.js';
import { acceptInvitation, previewInvitation } from './invitations.js';
import * as service from './service.js';

const memberParams = orgParamsWith('membershipId');
const invitationParams = orgParamsWith('invitationId');
const tokenParams = z.strictObject({ token: tokenSchema });

export function registerMemberRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/members',
    {
      config: { access: { kind: 'org', permission: 'member.read' } },
      schema: {
        tags: ['members'],
        summary: 'Members of the organisation',
        params: orgParams,
        querystring: listMembersQuerySchema,
        response: { 200: z.array(memberSchema) },
      },
    },
    async (request) => service.listMembers(orgContext(request, deps), request.query),
  );

  app.get(
    '/api/orgs/:orgId/login-locks',
    {
      config: { access: { kind: 'org', permission: 'member.manage' } },
      schema: {
        tags: ['members'],
        summary: 'Members locked out after failed logins',
        params: orgParams,
        response: { 200: z.array(loginLockSchema) },
      },
    },
    async (request) => service.listLoginLocks(orgContext(request, deps), loginLimitsFrom(deps.env)),
  );

  app.delete(
    '/api/orgs/:orgId/login-locks/:membershipId',
    {
      config: { access: { kind: 'org', permission: 'member.manage' } },
      schema: {
        tags: ['members'],
        summary: "Lift a member's login lock",
        params: memberParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await service.liftMemberLoginLock(orgContext(request, deps), request.params.membershipId);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/orgs/:orgId/members/:membershipId',
    {
      config: { access: { kind: 'org', permission: 'member.manage' } },
      schema: {
        tags: ['members'],
        summary: "Change a member's role, position or department",
        params: memberParams,
        body: updateMemberSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => service.updateMember(orgContext(request, deps), request.params.membershipId, request.body),
  );

  app.delete(
    '/api/orgs/:orgId/members/:membershipId',
    {
      config: { access: { kind: 'org', permission: 'member.manage' } },
      schema: { tags: ['members'], summary: 'Remove a member', params: memberParams, response: { 200: okSchema } },
    },
    async (request) => {
      await service.removeMember(orgContext(request, deps), request.params.membershipId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/orgs/:orgId/invitations',
    {
      config: { access: { kind: 'org', permission: 'member.manage' } },
      schema: {
        tags: ['members'],
        summary: 'Open invitations',
        params: orgParams,
        response: { 200: z.array(invitationSchema) },
      },
    },
    async (request) => service.listInvitations(orgContext(request, deps)),
  );

  app.post(
    '/api/orgs/:orgId/invitations',
    {
      config: { access: { kind: 'org', permission: 'member.manage' } },
      schema: {
        tags: ['members'],
        summary: 'Invite someone by e-mail',
        params: orgParams,
        body: createInvitationSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.createInvitation(orgContext(request, deps), deps.mailer, {
          ...request.body,
          departmentId: request.body.departmentId ?? null,
        }),
      ),
  );

  app.delete(
    '/api/orgs/:orgId/invitations/:invitationId',
    {
      config: { access: { kind: 'org', permission: 'member.manage' } },
      schema: {
        tags: ['members'],
        summary: 'Revoke an invitation',
        params: invitationParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await service.revokeInvitation(orgContext(request, deps), request.params.invitationId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['members'],
        summary: 'What an invitation link is for',
        params: tokenParams,
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request) => previewInvitation(serviceContext(request, deps), request.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['members'],
        summary: 'Accept an invitation (signing up or logging in as needed)',
        params: tokenParams,
        body: acceptInvitationSchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps);
      const { userId } = await acceptInvitation(ctx, request.params.token, request.body, loginLimitsFrom(deps.env));
      if (!request.actor) {
        const session = await openSession(
          ctx,
          userId,
          request.headers['user-agent'] ?? null,
          deps.env.SESSION_TTL_DAYS,
        );
        setSessionCookie(request, reply, deps.env.COOKIE_SECURE, session);
      }
      return getMe(ctx, userId);
    },
  );
}
