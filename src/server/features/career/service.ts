import type { z } from 'zod';
import type { CareerEntry, CareerMap, careerEntryInputSchema } from '../../../shared/career/career-schema.js';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { Actor, ServiceContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import * as repo from './repo.js';

/**
 * The career map belongs to its person: they write it, read it and decide who else reads it.
 * Audit rows carry no organisation (orgId null) because the map is no organisation's data, and
 * they name the fields that changed, never the person's reflections themselves.
 */

type Owned = ServiceContext & { actor: Actor };

function owner(ctx: ServiceContext): Owned {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx as Owned;
}

/** An entry as the route's schema hands it over: trimmed, with defaults filled in. */
export type EntryValues = z.output<typeof careerEntryInputSchema>;

function toEntry(row: repo.CareerEntryRow): CareerEntry {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    orgName: row.orgName,
    departmentName: row.departmentName,
    sceneId: (row.sceneId as SceneId | null) ?? null,
    reflection: row.reflection,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The person's cases as a reader of their map may see them. The owner sees every one. A facilitator
 * who is not in a case's organisation sees what that organisation lets others read (as
 * cases/policy.ts decides for its routes): only a case published beyond it, and not its department
 * when marked internal. The person's share opens their map, not their organisations' cases.
 */
function casesFor(cases: Awaited<ReturnType<typeof repo.listReportedCases>>, readerOrgIds: Set<string> | null) {
  return cases
    .filter((c) => !readerOrgIds || readerOrgIds.has(c.orgId) || (c.status === 'published' && c.sharing !== 'org'))
    .map(({ sharing: _, internalFields, ...c }) => ({
      ...c,
      departmentName:
        readerOrgIds && !readerOrgIds.has(c.orgId) && internalFields.includes('department') ? null : c.departmentName,
      sceneId: (c.sceneId as SceneId | null) ?? null,
      status: c.status as 'approved' | 'published',
    }));
}

/** Reads a person's whole map: with its shares for its owner, or as a facilitator they share it with reads it. */
async function readMap(ctx: ServiceContext, userId: string, readerId: string | null): Promise<CareerMap> {
  const displayName = await repo.findUserName(ctx.db, userId);
  if (displayName === null) throw notFound();
  const entries = await repo.listEntries(ctx.db, userId);
  const cases = await repo.listReportedCases(ctx.db, userId);
  const shares = readerId ? [] : await repo.listShares(ctx.db, userId);
  const readerOrgIds = readerId ? new Set(await repo.listOrgIdsOf(ctx.db, readerId)) : null;
  return {
    person: { id: userId, displayName },
    entries: entries.map(toEntry),
    cases: casesFor(cases, readerOrgIds),
    shares: shares.map((s) => ({ ...s, since: s.since.toISOString() })),
  };
}

function checkDates(input: EntryValues) {
  // ISO days compare as text.
  if (input.endedOn !== null && input.endedOn < input.startedOn) {
    throw new AppError('validation', undefined, [{ path: 'body.endedOn', code: 'career.ended_before_started' }]);
  }
}

/** The signed-in person's own map: entries newest first, the cases they reported, their shares. */
export async function getMyMap(ctx: ServiceContext): Promise<CareerMap> {
  const me = owner(ctx);
  return readMap(me, me.actor.userId, null);
}

/** Adds an entry to the signed-in person's map. */
export async function createEntry(ctx: ServiceContext, input: EntryValues): Promise<CareerEntry> {
  checkDates(input);
  return inTransaction(owner(ctx), async (tx) => {
    const now = tx.now();
    const id = newId();
    await repo.insertEntry(tx.db, { ...input, id, userId: tx.actor.userId, createdAt: now, updatedAt: now });
    await recordAudit(tx, {
      orgId: null,
      action: 'career_entry.create',
      targetType: 'career_entry',
      targetId: id,
      changes: { kind: input.kind, sceneId: input.sceneId },
    });
    const row = await repo.findEntry(tx.db, tx.actor.userId, id);
    if (!row) throw notFound();
    return toEntry(row);
  });
}

/** Rewrites one of the person's entries (every field is sent). */
export async function updateEntry(ctx: ServiceContext, entryId: string, input: EntryValues): Promise<CareerEntry> {
  checkDates(input);
  return inTransaction(owner(ctx), async (tx) => {
    const before = await repo.findEntry(tx.db, tx.actor.userId, entryId);
    if (!before) throw notFound();
    const changed = (Object.keys(input) as (keyof EntryValues)[]).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return toEntry(before);
    await repo.updateEntry(tx.db, tx.actor.userId, entryId, { ...input, updatedAt: tx.now() });
    await recordAudit(tx, {
      orgId: null,
      action: 'career_entry.update',
      targetType: 'career_entry',
      targetId: entryId,
      changes: { fields: changed },
    });
    const row = await repo.findEntry(tx.db, tx.actor.userId, entryId);
    if (!row) throw notFound();
    return toEntry(row);
  });
}

/** Removes one of the person's entries. */
export async function deleteEntry(ctx: ServiceContext, entryId: string): Promise<void> {
  await inTransaction(owner(ctx), async (tx) => {
    const before = await repo.findEntry(tx.db, tx.actor.userId, entryId);
    if (!before) throw notFound();
    await repo.deleteEntry(tx.db, tx.actor.userId, entryId);
    await recordAudit(tx, {
      orgId: null,
      action: 'career_entry.delete',
      targetType: 'career_entry',
      targetId: entryId,
      changes: { kind: before.kind },
    });
  });
}

/** Who the person may share their map with: the facilitators of every organisation they belong to. */
export async function listFacilitators(ctx: ServiceContext) {
  const me = owner(ctx);
  const rows = await repo.listFacilitatorsOf(me.db, me.actor.userId);
  const byId = new Map<string, { id: string; displayName: string; orgNames: string[] }>();
  for (const row of rows) {
    const found = byId.get(row.id);
    if (found) {
      if (!found.orgNames.includes(row.orgName)) found.orgNames.push(row.orgName);
    } else byId.set(row.id, { id: row.id, displayName: row.displayName, orgNames: [row.orgName] });
  }
  return { facilitators: [...byId.values()] };
}

/**
 * Replaces the list of facilitators who read the person's map. A new name must be a facilitator
 * of one of their organisations; one already shared with may stay after leaving it, because the
 * person chose them and only the person withdraws a share.
 */
export async function replaceShares(ctx: ServiceContext, facilitatorIds: string[]): Promise<CareerMap> {
  return inTransaction(owner(ctx), async (tx) => {
    const userId = tx.actor.userId;
    const wanted = [...new Set(facilitatorIds)];
    const current = (await repo.listShares(tx.db, userId)).map((s) => s.facilitatorId);
    const allowed = new Set([...(await repo.listFacilitatorsOf(tx.db, userId)).map((f) => f.id), ...current]);
    const refused = facilitatorIds
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !allowed.has(id))
      .map(({ index }) => ({ path: `body.facilitatorIds.${index}`, code: 'career.facilitator_unknown' as const }));
    if (refused.length > 0) throw new AppError('validation', undefined, refused);
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    if (added.length > 0 || removed.length > 0) {
      await repo.deleteShares(tx.db, userId, removed);
      await repo.insertShares(tx.db, userId, added, tx.now());
      await recordAudit(tx, {
        orgId: null,
        action: 'career_map.share',
        targetType: 'career_map',
        targetId: userId,
        changes: { added, removed },
      });
    }
    return readMap(tx, userId, null);
  });
}

/** The people who share their map with the signed-in facilitator. */
export async function listSharedWithMe(ctx: ServiceContext) {
  const me = owner(ctx);
  const people = await repo.listSharedWith(me.db, me.actor.userId);
  return { people: people.map((p) => ({ ...p, since: p.since.toISOString() })) };
}

/**
 * Another person's map, read-only, for a facilitator they share it with. Anyone else gets the
 * same 404 as for a person who does not exist, so nobody learns who keeps a map.
 */
export async function getSharedMap(ctx: ServiceContext, userId: string): Promise<CareerMap> {
  const me = owner(ctx);
  if (!(await repo.isSharedWith(me.db, userId, me.actor.userId))) throw notFound();
  return readMap(me, userId, me.actor.userId);
}
