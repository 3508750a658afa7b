import { auditEvents } from '../db/schema/audit-events.js';
import type { ServiceContext } from './context.js';
import { newId } from './ids.js';

export interface AuditEntry {
  orgId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  changes?: Record<string, unknown> | null;
}

/** Records who changed what; call it with the transaction that makes the change. */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditEvents).values({
    id: newId(),
    orgId: entry.orgId,
    actorId: ctx.actor?.userId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    changes: entry.changes ?? null,
    ip: ctx.ip,
    createdAt: ctx.now(),
  });
}

/** The fields of `after` that differ from `before`, as { field: [old, new] }, for the audit log. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = [before[key], value];
  }
  return changes;
}

/** Runs fn in one transaction with ctx pointed at it: the write and its audit row land together or not at all. */
export async function inTransaction<C extends ServiceContext, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx }));
}
