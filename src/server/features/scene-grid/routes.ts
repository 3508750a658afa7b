import { sceneGridSchema, updateSceneGridSchema } from '../../../shared/cases/scene-grid.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { orgParams } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import * as service from './service.js';

export function registerSceneGridRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/scene-grid',
    {
      config: { access: { kind: 'org', permission: 'org.read' } },
      schema: {
        tags: ['organisations'],
        summary: "The organisation's 12-scene grid (stages × change levels) with its own labels",
        params: orgParams,
        response: { 200: sceneGridSchema },
      },
    },
    async (request) => service.getSceneGrid(orgContext(request, deps)),
  );

  app.put(
    '/api/orgs/:orgId/scene-grid',
    {
      config: { access: { kind: 'org', permission: 'org.update' } },
      schema: {
        tags: ['organisations'],
        summary: 'Rename stages and change levels; a default label removes the rename',
        params: orgParams,
        body: updateSceneGridSchema,
        response: { 200: sceneGridSchema },
      },
    },
    async (request) => service.updateSceneGrid(orgContext(request, deps), request.body),
  );
}
