import { z } from 'zod';
import {
  carryNextMoveSchema,
  planDraftMoveSchema,
  updatePlanDraftMoveSchema,
} from '../../../shared/plans/draft-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import * as service from './service.js';

const own = { access: { kind: 'org', permission: 'sheet.read' } } as const;
const tags = ['plan-drafts'];
const moveParams = orgParamsWith('moveId');

export function registerPlanDraftRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/plan-drafts/moves',
    {
      config: own,
      schema: {
        tags,
        summary: 'My next moves carried out of results, waiting to become a plan',
        params: orgParams,
        response: { 200: z.array(planDraftMoveSchema) },
      },
    },
    async (request) => service.listMoves(orgContext(request, deps)),
  );

  app.post(
    '/api/orgs/:orgId/plan-drafts/moves',
    {
      config: own,
      schema: {
        tags,
        summary: "Carry an item's next move into my plan drafts (again: returns the one already there)",
        params: orgParams,
        body: carryNextMoveSchema,
        response: { 200: planDraftMoveSchema, 201: planDraftMoveSchema },
      },
    },
    async (request, reply) => {
      const result = await service.carryMove(orgContext(request, deps), request.body);
      return reply.code(result.created ? 201 : 200).send(result.move);
    },
  );

  app.patch(
    '/api/orgs/:orgId/plan-drafts/moves/:moveId',
    {
      config: own,
      schema: {
        tags,
        summary: 'Write what I will do about a next move',
        params: moveParams,
        body: updatePlanDraftMoveSchema,
        response: { 200: planDraftMoveSchema },
      },
    },
    async (request) => service.updateMove(orgContext(request, deps), request.params.moveId, request.body.note),
  );

  app.delete(
    '/api/orgs/:orgId/plan-drafts/moves/:moveId',
    {
      config: own,
      schema: { tags, summary: 'Drop a carried next move', params: moveParams },
    },
    async (request, reply) => {
      await service.deleteMove(orgContext(request, deps), request.params.moveId);
      return reply.code(204).send();
    },
  );
}
