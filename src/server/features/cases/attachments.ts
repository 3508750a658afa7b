import { type AttachmentRole, attachmentLimits, type CaseAttachment } from '../../../shared/cases/case-schema.js';
import type { ErrorCode } from '../../../shared/errors/codes.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { detectFileKind, sanitizeFileName } from './attachment-files.js';
import * as attachmentRepo from './attachment-repo.js';
import { hiddenFieldsFor, mayEdit, mayRead, publicViewer, type Viewer, viewerOf } from './policy.js';
import * as repo from './repo.js';
import { findReadableCase } from './service.js';

/** What went wrong with an upload, in both languages, for the field it concerns. */
const problems = {
  not_multipart: {
    ja: 'ファイルは multipart/form-data の file 欄で送ってください。',
    en: 'Send the file as multipart/form-data in the field named file.',
  },
  file_missing: { ja: 'ファイルを選んでください。', en: 'Choose a file.' },
  file_type: {
    ja: 'このファイルは添付できません。ファイルの中身が画像（JPEG・PNG・WebP・GIF）またはPDF・Excel（xlsx）・Word（docx）・PowerPoint（pptx）ではありません（ファイル名の拡張子では判断しません）。',
    en: 'This file cannot be attached: its content is not an image (JPEG, PNG, WebP, GIF) or a PDF, Excel (xlsx), Word (docx) or PowerPoint (pptx) file. The name’s extension does not decide this.',
  },
  file_too_large: {
    ja: 'ファイルが大きすぎます。1ファイル10MBまでです。',
    en: 'The file is too large: at most 10 MB each.',
  },
  too_many: {
    ja: '1つの事例に添付できるファイルは10件までです。不要なファイルを削除してから追加してください。',
    en: 'A case can have at most 10 attachments. Remove one before adding another.',
  },
  one_file: { ja: '1回に送れるファイルは1件です。', en: 'Send one file at a time.' },
  photo_not_image: {
    ja: '改善前・改善後の写真と写真には画像（JPEG・PNG・WebP・GIF）を選んでください。',
    en: 'Before, after and other photos must be images (JPEG, PNG, WebP, GIF).',
  },
  role: {
    ja: '種類は before・after・photo・document のいずれかです。',
    en: 'The role is one of before, after, photo or document.',
  },
} as const;

export type UploadProblem = keyof typeof problems;

/** An upload refused for a reason the person can act on. */
export function uploadError(code: ErrorCode, problem: UploadProblem, field = 'file'): AppError {
  return new AppError(code, undefined, undefined, [
    { path: `body.${field}`, code: `attachment.${problem}`, messages: problems[problem] },
  ]);
}

/** The case, locked when asked, if the caller may change it: 404 when they may not read it, 409 when it is locked. */
async function editableCase(ctx: OrgContext, caseId: string, lock: boolean) {
  const found = await repo.findCase(ctx.db, caseId, { lock });
  if (!found || found.row.orgId !== ctx.scope.orgId) throw new AppError('not_found');
  const viewer = viewerOf(ctx);
  const reporter = await repo.isReporter(ctx.db, caseId, ctx.actor.userId);
  if (!mayRead(viewer, found.row, reporter)) throw new AppError('not_found');
  if (!mayEdit(viewer, found.row.status, reporter)) throw new AppError('case_locked');
  return found.row;
}

/** Refuses early, before a file is read, when the caller may not add to this case. */
export async function checkMayAttach(ctx: OrgContext, caseId: string): Promise<void> {
  await editableCase(ctx, caseId, false);
}

/**
 * Adds a file to a case: its type comes from its bytes (images and Office/PDF documents only),
 * its name is cleaned, and it is stored in the database. At most 10 files of 10 MB per case.
 */
export async function addAttachment(
  ctx: OrgContext,
  caseId: string,
  upload: { content: Buffer; fileName: string | null; role: AttachmentRole | null },
): Promise<CaseAttachment> {
  if (upload.content.length > attachmentLimits.maxBytes) throw uploadError('payload_too_large', 'file_too_large');
  const kind = detectFileKind(upload.content);
  if (!kind) throw uploadError('unsupported_media_type', 'file_type');
  const role = upload.role ?? (kind.isImage ? 'photo' : 'document');
  if (role !== 'document' && !kind.isImage) throw uploadError('validation', 'photo_not_image', 'role');
  const fileName = sanitizeFileName(upload.fileName, kind);
  return inTransaction(ctx, async (tx) => {
    await editableCase(tx, caseId, true);
    // The case row is locked: two uploads at once cannot both take the tenth place.
    if ((await attachmentRepo.countAttachments(tx.db, caseId)) >= attachmentLimits.maxPerCase)
      throw uploadError('validation', 'too_many');
    const createdAt = tx.now();
    const id = await attachmentRepo.insertAttachment(tx.db, tx.scope, {
      caseId,
      fileName,
      mediaType: kind.mediaType,
      role,
      content: upload.content,
      createdBy: tx.actor.userId,
      createdAt,
    });
    const attachment = { id, fileName, mediaType: kind.mediaType, sizeBytes: upload.content.length, role };
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'case.attachment_add',
      targetType: 'case',
      targetId: caseId,
      changes: attachment,
    });
    return { ...attachment, createdAt: createdAt.toISOString() };
  });
}

/** Removes a file from a case, for those who may change the case. */
export async function removeAttachment(ctx: OrgContext, caseId: string, attachmentId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await editableCase(tx, caseId, true);
    const attachment = await attachmentRepo.findAttachment(tx.db, caseId, attachmentId);
    if (!attachment) throw new AppError('not_found');
    await attachmentRepo.deleteAttachment(tx.db, tx.scope, caseId, attachmentId);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'case.attachment_delete',
      targetType: 'case',
      targetId: caseId,
      changes: { id: attachmentId, fileName: attachment.fileName, role: attachment.role },
    });
  });
}

async function readAs(db: Db, viewer: Viewer, caseId: string, attachmentId: string) {
  const { row } = await findReadableCase(db, viewer, caseId);
  // Outside the organisation the files are as internal as the reporter marked them: then not there at all.
  if (hiddenFieldsFor(viewer, row).has('attachments')) throw new AppError('not_found');
  const attachment = await attachmentRepo.findAttachment(db, caseId, attachmentId, true);
  if (!attachment?.content) throw new AppError('not_found');
  return { fileName: attachment.fileName, mediaType: attachment.mediaType, content: attachment.content };
}

/** A file of a case the caller may read, unless its attachments are internal to another organisation. */
export async function readAttachment(ctx: OrgContext, caseId: string, attachmentId: string) {
  return readAs(ctx.db, viewerOf(ctx), caseId, attachmentId);
}

/** A file of a public published case whose attachments are not marked internal. */
export async function readPublicAttachment(db: Db, caseId: string, attachmentId: string) {
  return readAs(db, publicViewer, caseId, attachmentId);
}
