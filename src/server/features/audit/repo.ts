import { and, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit-events.js';
import { users } from '../../db/schema/users.js';
import type { OrgScope } from '../../lib/context.js';

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

/** The organisation's audit events, newest first, with keyset paging. */
export async function listAuditEvents(db: Db, scope: OrgScope, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.orgId, scope.orgId)];
  if (filter.action) conditions.push(like(auditEvents.action, `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.targetType) conditions.push(eq(auditEvents.targetType, filter.targetType));
  if (filter.from) conditions.push(gte(auditEvents.createdAt, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.createdAt, filter.to));
  if (filter.after) {
    conditions.push(
      or(
        lt(auditEvents.createdAt, filter.after.createdAt),
        and(eq(auditEvents.createdAt, filter.after.createdAt), lt(auditEvents.id, filter.after.id)),
      ),
    );
  }
  return db
    .select({ event: auditEvents, actorName: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(filter.limit + 1);
}
