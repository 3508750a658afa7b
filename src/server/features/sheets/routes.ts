import { z } from 'zod';
import {
  copySampleSchema,
  exportFormatSchema,
  importTemplateSchema,
  sheetSampleSchema,
  sheetTemplateSummarySchema,
  sheetTemplateVersionSchema,
} from '../../../shared/sheets/api-schema.js';
import { saveTemplateVersionSchema } from '../../../shared/sheets/round-schema.js';
import { sheetTemplateJsonSchema } from '../../../shared/sheets/template-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import * as service from './service.js';

const templateParams = orgParamsWith('templateId');
const versionParams = templateParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });
const savedSchema = z.object({ templateId: z.uuid(), version: z.number().int() });

export function registerSheetRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/sheet-samples',
    {
      config: { access: { kind: 'user' } },
      schema: {
        tags: ['sheets'],
        summary: 'Sample templates an organisation can copy',
        response: { 200: z.array(sheetSampleSchema) },
      },
    },
    async () => service.listSamples(),
  );

  app.get(
    '/api/sheet-template-schema.json',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['sheets'], summary: 'The template file format as JSON Schema' },
    },
    async () => sheetTemplateJsonSchema(),
  );

  app.get(
    '/api/orgs/:orgId/sheet-templates',
    {
      config: { access: { kind: 'org', permission: 'sheet.read' } },
      schema: {
        tags: ['sheets'],
        summary: "The organisation's templates",
        params: orgParams,
        response: { 200: z.array(sheetTemplateSummarySchema) },
      },
    },
    async (request) => service.listTemplates(orgContext(request, deps)),
  );

  app.post(
    '/api/orgs/:orgId/sheet-templates/from-sample',
    {
      config: { access: { kind: 'org', permission: 'sheet.manage' } },
      schema: {
        tags: ['sheets'],
        summary: 'Copy a sample template',
        params: orgParams,
        body: copySampleSchema,
        response: { 201: savedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.copySample(orgContext(request, deps), request.body.sampleKey)),
  );

  app.post(
    '/api/orgs/:orgId/sheet-templates/import',
    {
      config: { access: { kind: 'org', permission: 'sheet.manage' } },
      schema: {
        tags: ['sheets'],
        summary: 'Import a template file (YAML or JSON); a known key becomes its next version',
        params: orgParams,
        body: importTemplateSchema,
        response: { 201: savedSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.importTemplate(orgContext(request, deps), request.body)),
  );

  app.get(
    '/api/orgs/:orgId/sheet-templates/:templateId/versions',
    {
      config: { access: { kind: 'org', permission: 'sheet.read' } },
      schema: {
        tags: ['sheets'],
        summary: 'Every version of a template',
        params: templateParams,
        response: { 200: z.array(sheetTemplateVersionSchema) },
      },
    },
    async (request) => service.listVersions(orgContext(request, deps), request.params.templateId),
  );

  app.post(
    '/api/orgs/:orgId/sheet-templates/:templateId/versions',
    {
      config: { access: { kind: 'org', permission: 'sheet.manage' } },
      schema: {
        tags: ['sheets'],
        summary: 'Save edited content as the next version; the key stays the same',
        params: templateParams,
        body: saveTemplateVersionSchema,
        response: { 201: savedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.saveTemplateVersion(orgContext(request, deps), request.params.templateId, request.body.content),
        ),
  );

  app.get(
    '/api/orgs/:orgId/sheet-templates/:templateId/versions/:version/export',
    {
      config: { access: { kind: 'org', permission: 'sheet.read' } },
      schema: {
        tags: ['sheets'],
        summary: 'Download a version as YAML or JSON',
        params: versionParams,
        querystring: exportFormatSchema,
      },
    },
    async (request, reply) => {
      const { params, query } = request;
      const file = await service.exportVersion(
        orgContext(request, deps),
        params.templateId,
        params.version,
        query.format,
      );
      return reply
        .type(query.format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
}
