import type { AuditEvent } from '../../../shared/audit/schema.js';
import { idSchema } from '../../../shared/common/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { OrgContext } from '../../lib/context.js';
import * as repo from './repo.js';

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  const year = createdAt.getUTCFullYear();
  if (!id || Number.isNaN(year) || year < 1900 || year > 2199 || !idSchema.safeParse(id).success) {
    throw new AppError('validation', undefined, [{ path: 'querystring.cursor', code: 'cursor.invalid' }]);
  }
  return { createdAt, id };
}

/** Dates are calendar days in Japan: "to" includes the whole day it names. */
function startOfJapanDay(date: string, plusDays = 0): Date {
  const start = new Date(`${date}T00:00:00+09:00`);
  return new Date(start.getTime() + plusDays * 86_400_000);
}

/** One page of the organisation's audit log, filtered, newest first. */
export async function listAuditEvents(
  ctx: OrgContext,
  query: {
    action?: string;
    actorId?: string;
    targetType?: string;
    from?: string;
    to?: string;
    limit: number;
    cursor?: string;
  },
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const rows = await repo.listAuditEvents(ctx.db, ctx.scope, {
    action: query.action,
    actorId: query.actorId,
    targetType: query.targetType,
    from: query.from ? startOfJapanDay(query.from) : undefined,
    to: query.to ? startOfJapanDay(query.to, 1) : undefined,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ event, actorName }) => ({
      id: event.id,
      orgId: event.orgId,
      actorId: event.actorId,
      actorName,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      changes: event.changes,
      ip: event.ip,
      createdAt: event.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.event.createdAt, last.event.id) : null,
  };
}
