import { z } from 'zod';
import {
  changePasswordSchema,
  confirmPasswordResetSchema,
  loginSchema,
  meSchema,
  requestPasswordResetSchema,
  sessionInfoSchema,
  updateProfileSchema,
} from '../../../shared/auth/schema.js';
import { okSchema } from '../../../shared/common/schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { requireActor, SESSION_COOKIE, serviceContext, setSessionCookie } from '../../plugins/auth.js';
import { loginLimitsFrom } from './login-locks.js';
import * as service from './service.js';

export function registerAuthRoutes(app: ZodApp, deps: AppDeps) {
  const limits = loginLimitsFrom(deps.env);

  app.post(
    '/api/auth/login',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['auth'], summary: 'Log in', body: loginSchema, response: { 200: meSchema } },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps);
      const session = await service.logIn(
        ctx,
        { ...request.body, userAgent: request.headers['user-agent'] ?? null },
        limits,
        deps.env.SESSION_TTL_DAYS,
      );
      setSessionCookie(request, reply, deps.env.COOKIE_SECURE, session);
      return service.getMe(ctx, session.userId);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['auth'], summary: 'Log out this browser', response: { 200: okSchema } },
    },
    async (request, reply) => {
      if (request.sessionId) await service.logOut(serviceContext(request, deps), request.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      config: { access: { kind: 'user' } },
      schema: {
        tags: ['auth'],
        summary: 'Log out on every device',
        response: { 200: z.object({ ended: z.number() }) },
      },
    },
    async (request, reply) => {
      const ended = await service.logOutEverywhere(serviceContext(request, deps), requireActor(request).userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ended };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: meSchema } },
    },
    async (request) => service.getMe(serviceContext(request, deps), requireActor(request).userId),
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person, or null: lets a page ask without provoking a 401',
        response: { 200: z.object({ me: meSchema.nullable() }) },
      },
    },
    async (request) => ({
      me: request.actor ? await service.getMe(serviceContext(request, deps), request.actor.userId) : null,
    }),
  );

  app.patch(
    '/api/auth/me',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['auth'], summary: 'Update my profile', body: updateProfileSchema, response: { 200: meSchema } },
    },
    async (request) => {
      const ctx = serviceContext(request, deps);
      const { userId } = requireActor(request);
      await service.updateProfile(ctx, userId, request.body);
      return service.getMe(ctx, userId);
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['auth'], summary: 'My active sessions', response: { 200: z.array(sessionInfoSchema) } },
    },
    async (request) =>
      service.listSessions(serviceContext(request, deps), requireActor(request).userId, request.sessionId),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { kind: 'user' } },
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: changePasswordSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await service.changePassword(
        serviceContext(request, deps),
        requireActor(request).userId,
        request.sessionId ?? '',
        request.body,
        limits,
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['auth'],
        summary: 'Mail a password reset link',
        body: requestPasswordResetSchema,
        response: { 202: okSchema },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, deps);
      const admitted = await service.admitPasswordResetRequest(ctx, request.body.email, limits);
      await reply.code(202).send({ ok: true as const });
      if (admitted) {
        service
          .sendPasswordReset(ctx, deps.mailer, request.body.email)
          .catch((error) => request.log.error({ err: error }, 'password reset mail failed'));
      }
      return reply;
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password from a reset link',
        body: confirmPasswordResetSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await service.confirmPasswordReset(serviceContext(request, deps), request.body.token, request.body.password);
      return { ok: true as const };
    },
  );
}
