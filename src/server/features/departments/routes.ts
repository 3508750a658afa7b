import { z } from 'zod';
import { okSchema } from '../../../shared/common/schema.js';
import {
  createDepartmentSchema,
  departmentSchema,
  updateDepartmentSchema,
} from '../../../shared/departments/schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import * as service from './service.js';

const departmentParams = orgParamsWith('departmentId');

export function registerDepartmentRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/orgs/:orgId/departments',
    {
      config: { access: { kind: 'org', permission: 'department.read' } },
      schema: {
        tags: ['departments'],
        summary: 'The department tree (flat, by parentId)',
        params: orgParams,
        response: { 200: z.array(departmentSchema) },
      },
    },
    async (request) => service.listDepartments(orgContext(request, deps)),
  );

  app.post(
    '/api/orgs/:orgId/departments',
    {
      config: { access: { kind: 'org', permission: 'department.manage' } },
      schema: {
        tags: ['departments'],
        summary: 'Add a department',
        params: orgParams,
        body: createDepartmentSchema,
        response: { 201: departmentSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createDepartment(orgContext(request, deps), request.body)),
  );

  app.patch(
    '/api/orgs/:orgId/departments/:departmentId',
    {
      config: { access: { kind: 'org', permission: 'department.manage' } },
      schema: {
        tags: ['departments'],
        summary: 'Rename or move a department',
        params: departmentParams,
        body: updateDepartmentSchema,
        response: { 200: departmentSchema },
      },
    },
    async (request) => service.updateDepartment(orgContext(request, deps), request.params.departmentId, request.body),
  );

  app.delete(
    '/api/orgs/:orgId/departments/:departmentId',
    {
      config: { access: { kind: 'org', permission: 'department.manage' } },
      schema: {
        tags: ['departments'],
        summary: 'Delete an empty department',
        params: departmentParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await service.deleteDepartment(orgContext(request, deps), request.params.departmentId);
      return { ok: true as const };
    },
  );
}
