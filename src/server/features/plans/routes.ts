import { z } from 'zod';
import { idSchema } from '../../../shared/common/schema.js';
import {
  createPlanSchema,
  facilitatedPlansSchema,
  followupInputSchema,
  freezeSchema,
  planCommentInputSchema,
  planCommentSchema,
  planCompareQuerySchema,
  planCompareSchema,
  planDetailSchema,
  planFromWorkshopSchema,
  planListQuerySchema,
  planListSchema,
  planVersionSchema,
  updatePlanSchema,
  versionNumberParamSchema,
  versionPatchSchema,
} from '../../../shared/plans/plan-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext, requireActor, serviceContext } from '../../plugins/auth.js';
import * as repo from './repo.js';
import * as service from './service.js';
import * as versions from './versions.js';
import { detailOf } from './views.js';

const member = { access: { kind: 'org', permission: 'org.read' } } as const;
const facilitator = { access: { kind: 'org', permission: 'workshop.run' } } as const;
const user = { access: { kind: 'user' } } as const;
const tags = ['plans'];
const planParams = orgParamsWith('planId');
const versionParams = planParams.extend({ number: versionNumberParamSchema });

/** Action plans: a member's own and shared plans in an organisation, and facilitators' across organisations. */
export function registerPlanRoutes(app: ZodApp, deps: AppDeps) {
  const base = '/api/orgs/:orgId/plans';

  app.get(
    base,
    {
      config: member,
      schema: {
        tags,
        summary: 'My plans (own or in the team), or others’ plans shared with me in the organisation',
        params: orgParams,
        querystring: planListQuerySchema,
        response: { 200: planListSchema },
      },
    },
    async (request) => service.listPlans(orgContext(request, deps), request.query.scope),
  );

  app.get(
    `${base}/people`,
    {
      config: member,
      schema: {
        tags,
        summary: 'Members of the organisation, for choosing a team’s people and the facilitator to share with',
        params: orgParams,
        response: {
          200: z.object({
            people: z.array(z.object({ id: idSchema, displayName: z.string(), isFacilitator: z.boolean() })),
          }),
        },
      },
    },
    async (request) => service.listPeople(orgContext(request, deps)),
  );

  app.post(
    base,
    {
      config: member,
      schema: {
        tags,
        summary: 'Create a plan (a person’s or a team’s) with its first draft',
        params: orgParams,
        body: createPlanSchema,
        response: { 201: planDetailSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createPlan(orgContext(request, deps), request.body)),
  );

  app.post(
    `${base}/from-workshop`,
    {
      config: facilitator,
      schema: {
        tags,
        summary: 'Make a team plan in one step from the next moves a workshop group agreed',
        params: orgParams,
        body: planFromWorkshopSchema,
        response: { 201: planDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.planFromWorkshop(orgContext(request, deps), request.body)),
  );

  app.get(
    `${base}/:planId`,
    {
      config: member,
      schema: {
        tags,
        summary: 'A plan: its draft, versions, follow-ups and comments, and what the caller may do',
        params: planParams,
        response: { 200: planDetailSchema },
      },
    },
    async (request) => service.getPlan(orgContext(request, deps), request.params.planId),
  );

  app.patch(
    `${base}/:planId`,
    {
      config: member,
      schema: {
        tags,
        summary: 'Edit the draft and the plan’s settings (refused after the final version)',
        params: planParams,
        body: updatePlanSchema,
        response: { 200: planDetailSchema },
      },
    },
    async (request) => service.updatePlan(orgContext(request, deps), request.params.planId, request.body),
  );

  app.delete(
    `${base}/:planId`,
    {
      config: member,
      schema: {
        tags,
        summary: 'Delete a plan that has no version yet',
        params: planParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deletePlan(orgContext(request, deps), request.params.planId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/:planId/versions`,
    {
      config: member,
      schema: {
        tags,
        summary: 'Freeze the draft as the next version: a 時点版 (schedules follow-ups) or the 完成版',
        params: planParams,
        body: freezeSchema,
        response: { 201: planDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await versions.freeze(orgContext(request, deps), request.params.planId, request.body)),
  );

  app.get(
    `${base}/:planId/versions/:number`,
    {
      config: member,
      schema: {
        tags,
        summary: 'One frozen version, as it was saved',
        params: versionParams,
        response: { 200: planVersionSchema },
      },
    },
    async (request) => versions.getVersion(orgContext(request, deps), request.params.planId, request.params.number),
  );

  app.patch(
    `${base}/:planId/versions/:number`,
    {
      config: member,
      schema: {
        tags,
        summary: 'Change a version’s note; its content is frozen (409 version_frozen)',
        params: versionParams,
        body: versionPatchSchema,
        response: { 200: planVersionSchema },
      },
    },
    async (request) =>
      versions.patchVersion(orgContext(request, deps), request.params.planId, request.params.number, request.body),
  );

  app.get(
    `${base}/:planId/compare`,
    {
      config: member,
      schema: {
        tags,
        summary: 'Two versions (or a version and the draft) side by side, with what changed',
        params: planParams,
        querystring: planCompareQuerySchema,
        response: { 200: planCompareSchema },
      },
    },
    async (request) =>
      versions.compare(orgContext(request, deps), request.params.planId, request.query.from, request.query.to),
  );

  app.post(
    `${base}/:planId/followups/:followupId`,
    {
      config: member,
      schema: {
        tags,
        summary: 'Record a follow-up; its revised plan becomes the next version',
        params: planParams.extend({ followupId: idSchema }),
        body: followupInputSchema,
        response: { 200: planDetailSchema },
      },
    },
    async (request) =>
      versions.recordFollowup(
        orgContext(request, deps),
        request.params.planId,
        request.params.followupId,
        request.body,
      ),
  );

  app.post(
    `${base}/:planId/comments`,
    {
      config: member,
      schema: {
        tags,
        summary: 'Comment on a plan (its facilitator, its team, or whoever it is shared with)',
        params: planParams,
        body: planCommentInputSchema,
        response: { 201: planCommentSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await versions.commentOnPlan(orgContext(request, deps), request.params.planId, request.body)),
  );

  // ——— Facilitators, across the organisations whose people share plans with them ———

  app.get(
    '/api/me/facilitated-plans',
    {
      config: user,
      schema: {
        tags,
        summary: 'Plans shared with me as their facilitator, in every organisation',
        response: { 200: facilitatedPlansSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.listFacilitatedPlans({ ...serviceContext(request, deps), actor });
    },
  );

  const facilitatedPlan = async (userId: string, planId: string) => {
    const plan = await repo.findPlan(deps.db, planId);
    const access = plan ? await service.accessOf(deps.db, plan, userId, { orgMember: false }) : null;
    if (!plan || !access?.read) throw new AppError('not_found');
    return { plan, access };
  };

  app.get(
    '/api/facilitated-plans/:planId',
    {
      config: user,
      schema: {
        tags,
        summary: 'A plan shared with me as its facilitator',
        params: z.strictObject({ planId: idSchema }),
        response: { 200: planDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { plan, access } = await facilitatedPlan(actor.userId, request.params.planId);
      return detailOf(deps.db, plan, { ...access, edit: false }, deps.now());
    },
  );

  app.get(
    '/api/facilitated-plans/:planId/versions/:number',
    {
      config: user,
      schema: {
        tags,
        summary: 'One frozen version of a plan shared with me as its facilitator',
        params: z.strictObject({ planId: idSchema, number: versionNumberParamSchema }),
        response: { 200: planVersionSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { plan } = await facilitatedPlan(actor.userId, request.params.planId);
      return versions.readVersion(deps.db, plan.id, request.params.number);
    },
  );

  app.post(
    '/api/facilitated-plans/:planId/comments',
    {
      config: user,
      schema: {
        tags,
        summary: 'Comment on a plan shared with me as its facilitator',
        params: z.strictObject({ planId: idSchema }),
        body: planCommentInputSchema,
        response: { 201: planCommentSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { plan } = await facilitatedPlan(actor.userId, request.params.planId);
      return reply.code(201).send(await versions.addComment(deps.db, plan, actor.userId, request.body, deps.now()));
    },
  );
}
