import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type AttachmentRole,
  attachmentFieldsSchema,
  attachmentLimits,
  caseAttachmentSchema,
} from '../../../shared/cases/case-schema.js';
import { idSchema } from '../../../shared/common/schema.js';
import type { AppDeps, ZodApp } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { orgParamsWith } from '../../lib/params.js';
import { orgContext } from '../../plugins/auth.js';
import { contentDisposition, isImageType } from './attachment-files.js';
import * as attachments from './attachments.js';

const tags = ['cases'];
const read = { access: { kind: 'org', permission: 'org.read' } } as const;
const report = { access: { kind: 'org', permission: 'case.report' } } as const;
const caseParams = orgParamsWith('caseId');
const attachmentParams = caseParams.extend({ attachmentId: idSchema });

/** The file and the form fields of a multipart upload, each multipart failure named for the person. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw attachments.uploadError('unsupported_media_type', 'not_multipart');
  let content: Buffer | null = null;
  let fileName: string | null = null;
  const fields: Record<string, unknown> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        content = await part.toBuffer();
        fileName = part.filename || null;
      } else {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw attachments.uploadError('payload_too_large', 'file_too_large');
    if (code === 'FST_FILES_LIMIT') throw attachments.uploadError('validation', 'one_file');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw attachments.uploadError('unsupported_media_type', 'not_multipart');
    // A body cut short or otherwise malformed.
    request.log.info({ err: error }, 'multipart upload refused');
    throw new AppError('validation');
  }
  if (!content) throw attachments.uploadError('validation', 'file_missing');
  const parsed = attachmentFieldsSchema.safeParse(fields);
  if (!parsed.success) throw attachments.uploadError('validation', 'role', 'role');
  return { content, fileName, role: (parsed.data.role ?? null) as AttachmentRole | null };
}

/** Sends a stored file so that no browser runs it: its real type, nosniff, and images alone inline. */
function sendFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  return (
    reply
      .header('content-type', file.mediaType)
      .header('content-disposition', contentDisposition(file.fileName, isImageType(file.mediaType)))
      .header('x-content-type-options', 'nosniff')
      // Internal photos and documents must not stay in a shared computer's cache either.
      .header('cache-control', 'no-store')
      .send(file.content)
  );
}

/** Photos and documents of a case: upload, download, delete; and the download of a public case's files. */
export function registerAttachmentRoutes(app: ZodApp, deps: AppDeps) {
  // Multipart is parsed in this scope only: every other route keeps refusing it.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: attachmentLimits.maxBytes, files: 1, fields: 4, fieldSize: 1000, parts: 5 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/orgs/:orgId/cases/:caseId/attachments',
      {
        config: report,
        schema: {
          tags,
          summary:
            'Attach a photo or document (multipart/form-data: `file`, optional `role`). JPEG, PNG, WebP, GIF, PDF, xlsx, docx, pptx by content; 10 MB each, 10 per case',
          consumes: ['multipart/form-data'],
          params: caseParams,
          response: { 201: caseAttachmentSchema },
        },
      },
      async (request, reply) => {
        const ctx = orgContext(request, deps);
        // Before a byte of the file is read: a stranger's upload is refused without storing anything.
        await attachments.checkMayAttach(ctx, request.params.caseId);
        const upload = await readUpload(request);
        return reply.code(201).send(await attachments.addAttachment(ctx, request.params.caseId, upload));
      },
    );
  });

  app.get(
    '/api/orgs/:orgId/cases/:caseId/attachments/:attachmentId',
    {
      config: read,
      schema: { tags, summary: 'Download an attachment of a case the caller may read', params: attachmentParams },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await attachments.readAttachment(orgContext(request, deps), request.params.caseId, request.params.attachmentId),
      ),
  );

  app.delete(
    '/api/orgs/:orgId/cases/:caseId/attachments/:attachmentId',
    {
      config: report,
      schema: { tags, summary: 'Remove an attachment (those who may change the case)', params: attachmentParams },
    },
    async (request, reply) => {
      await attachments.removeAttachment(orgContext(request, deps), request.params.caseId, request.params.attachmentId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/public/cases/:caseId/attachments/:attachmentId',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: 'Download an attachment of a public case, without login (unless it is marked internal)',
        params: z.strictObject({ caseId: idSchema, attachmentId: idSchema }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await attachments.readPublicAttachment(deps.db, request.params.caseId, request.params.attachmentId),
      ),
  );
}
