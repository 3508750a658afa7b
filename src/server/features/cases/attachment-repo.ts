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

// Files cross the driver as base64 text: PGlite turns a bytea parameter or result into hex one byte
// at a time, which takes seconds for 10 MB; decode() and encode() in the database take milliseconds.
const base64Content = sql<string>`encode(${caseAttachments.content}, 'base64')`;

/** One attachment of one case, with its content when asked: the service has checked the case. */
export async function findAttachment(db: Db, caseId: string, attachmentId: string, withContent = false) {
  const [row] = await db
    .select({ ...listed, ...(withContent ? { content: base64Content } : {}) })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, attachmentId)));
  if (!row) return null;
  const { content, ...rest } = row as typeof row & { content?: string };
  return { ...rest, content: content === undefined ? null : Buffer.from(content, 'base64') };
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
  await db.insert(caseAttachments).values({
    ...values,
    id,
    orgId: scope.orgId,
    sizeBytes: values.content.length,
    content: sql`decode(${values.content.toString('base64')}, 'base64')`,
  });
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
