import { and, asc, eq, sql } from 'drizzle-orm';
import type { AttachmentRole } from '../../../shared/cases/case-schema.js';
import type { Db } from '../../db/client.js';
import { caseAttachments } from '../../db/schema/cases.js';
import type { OrgScope } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';

const listed = {
  id: caseAttachments.id,
  fileName: caseAttachments.fileName,
  mediaType: caseAttachments.mediaType,
  sizeBytes: caseAttachments.sizeBytes,
  role: caseAttachments.role,
  createdAt: caseAttachments.createdAt,
};

/** A case's attachments without their content, oldest first. */
export async function listAttachments(db: Db, caseId: string) {
  return db
    .select(listed)
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId))
    .orderBy(asc(caseAttachments.createdAt), asc(caseAttachments.id));
}

export async function countAttachments(db: Db, caseId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, caseId));
  return Number(row?.n ?? 0);
}

/** One attachment of one case, with its content when asked: the service has checked the case. */
export async function findAttachment(db: Db, caseId: string, attachmentId: string, withContent = false) {
  const [row] = await db
    .select({ ...listed, ...(withContent ? { content: caseAttachments.content } : {}) })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, attachmentId)));
  return (row as (typeof row & { content?: Buffer }) | undefined) ?? null;
}

export async function insertAttachment(
  db: Db,
  scope: OrgScope,
  values: {
    caseId: string;
    fileName: string;
    mediaType: string;
    role: AttachmentRole;
    content: Buffer;
    createdBy: string;
    createdAt: Date;
  },
) {
  const id = newId();
  await db.insert(caseAttachments).values({ ...values, id, orgId: scope.orgId, sizeBytes: values.content.length });
  return id;
}

export async function deleteAttachment(db: Db, scope: OrgScope, caseId: string, attachmentId: string) {
  await db
    .delete(caseAttachments)
    .where(
      and(
        eq(caseAttachments.orgId, scope.orgId),
        eq(caseAttachments.caseId, caseId),
        eq(caseAttachments.id, attachmentId),
      ),
    );
}
