import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseImportSchema,
  commitImportResultSchema,
  commitImportSchema,
  importLimits,
  unfinishedImportsSchema,
  validateBatchResultSchema,
  validateBatchSchema,
} from '../../../shared/case-import/import-schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { orgParams, orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { refuseUnstorableText } from '../../plugins/request-text.js';
import * as service from './service.js';

const tags = ['case-import'];
// Imported cases become the organisation's published cases: only those who may publish import.
const publish = { access: { kind: 'org', permission: 'case.publish' } } as const;
const importParams = orgParamsWith('importId');

const uploadProblems = {
  too_large: {
    ja: `ファイルが大きすぎます（${importLimits.maxBytes / 1024 / 1024} MBまで）。`,
    en: `The file is too large (at most ${importLimits.maxBytes / 1024 / 1024} MB).`,
  },
  missing: { ja: 'ファイルを選んでください。', en: 'Choose a file.' },
} as const;

function uploadError(status: 'payload_too_large' | 'validation', kind: keyof typeof uploadProblems) {
  return new AppError(status, kind, undefined, [
    { path: 'file', code: `caseImport.${kind}`, messages: uploadProblems[kind] },
  ]);
}

/** The one file of a multipart upload. */
async function readFile(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  let file: { content: Buffer; fileName: string | null } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { content: await part.toBuffer(), fileName: part.filename || null };
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw uploadError('payload_too_large', 'too_large');
    request.log.info({ err: error }, 'case list upload refused');
    throw new AppError('validation');
  }
  if (!file || file.content.length === 0) throw uploadError('validation', 'missing');
  // A file name is stored as text: U+0000 (sent as filename*=utf-8''a%00b) would fail the insert.
  refuseUnstorableText(file.fileName, 'file');
  return file;
}

/** Bulk import of a case list: upload and preview, checks in batches, commit of all rows or none. */
export function registerCaseImportRoutes(app: ZodApp, deps: AppDeps) {
  // Multipart is parsed in this scope only: every other route keeps refusing it.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: importLimits.maxBytes, files: 1, fields: 2, fieldSize: 1000, parts: 3 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/orgs/:orgId/case-imports',
      {
        config: publish,
        schema: {
          tags,
          summary:
            'Upload a case list (multipart/form-data: `file`; xlsx, or CSV in UTF-8 with or without BOM or Shift_JIS): its headers, a suggested mapping and the first rows',
          consumes: ['multipart/form-data'],
          params: orgParams,
          response: { 201: caseImportSchema },
        },
      },
      async (request, reply) => {
        const ctx = orgContext(request, deps);
        return reply.code(201).send(await service.startImport(ctx, await readFile(request)));
      },
    );
  });

  app.get(
    '/api/orgs/:orgId/case-imports',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Imports of the organisation not yet committed (kept for a day), newest first, to continue or discard',
        params: orgParams,
        response: { 200: unfinishedImportsSchema },
      },
    },
    async (request) => service.listUnfinishedImports(orgContext(request, deps)),
  );

  app.get(
    '/api/orgs/:orgId/case-imports/:importId',
    {
      config: publish,
      schema: {
        tags,
        summary:
          'An unfinished import to continue: its headers, preview and the mapping its rows were last checked with',
        params: importParams,
        response: { 200: caseImportSchema },
      },
    },
    async (request) => service.resumeImport(orgContext(request, deps), request.params.importId),
  );

  app.delete(
    '/api/orgs/:orgId/case-imports/:importId',
    {
      config: publish,
      schema: {
        tags,
        summary: 'Discard an unfinished import; no case of it was added',
        params: importParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.discardImport(orgContext(request, deps), request.params.importId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/orgs/:orgId/case-imports/:importId/validate',
    {
      config: publish,
      schema: {
        tags,
        summary:
          'Check a batch of rows with a mapping by the rules of a reported case; offset 0 starts over. Problems name the row and column',
        params: importParams,
        body: validateBatchSchema,
        response: { 200: validateBatchResultSchema },
      },
    },
    async (request) => service.validateBatch(orgContext(request, deps), request.params.importId, request.body),
  );

  app.post(
    '/api/orgs/:orgId/case-imports/:importId/commit',
    {
      config: publish,
      schema: {
        tags,
        summary:
          'Add every checked row as a case (published or draft), all or none; rows imported before are skipped and counted',
        params: importParams,
        body: commitImportSchema,
        response: { 200: commitImportResultSchema },
      },
    },
    async (request) => service.commitImport(orgContext(request, deps), request.params.importId, request.body),
  );
}
