import { type SQL, sql } from 'drizzle-orm';
import { hasPermission } from '../../../shared/auth/permissions.js';
import type { CaseStatus, InternalField } from '../../../shared/cases/case-schema.js';
import type { OrgContext } from '../../lib/context.js';

/**
 * Who reads cases: a member of an organisation (with what their role allows), or someone without
 * login, who reads only public published cases. `mayRead` decides for one row, `visibleTo` says the
 * same as SQL for queries over many; they sit side by side so one is not changed without the other.
 */
export interface Viewer {
  /** The caller's organisation; null for a reader without login. */
  orgId: string | null;
  userId: string | null;
  canReview: boolean;
  canPublish: boolean;
}

export const publicViewer: Viewer = { orgId: null, userId: null, canReview: false, canPublish: false };

export function viewerOf(ctx: OrgContext): Viewer {
  return {
    orgId: ctx.scope.orgId,
    userId: ctx.actor.userId,
    canReview: hasPermission(ctx.scope.role, 'case.review'),
    canPublish: hasPermission(ctx.scope.role, 'case.publish'),
  };
}

interface CaseFacts {
  orgId: string;
  status: CaseStatus;
  sharing: 'org' | 'network' | 'public';
}

/** Whether the viewer may read a case: its reporters and reviewers inside, published shared copies outside. */
export function mayRead(viewer: Viewer, row: CaseFacts, isReporter: boolean): boolean {
  if (viewer.orgId === null) return row.status === 'published' && row.sharing === 'public';
  if (row.orgId === viewer.orgId) {
    if (isReporter) return true;
    return row.status === 'published' || (viewer.canReview && row.status !== 'draft');
  }
  return row.status === 'published' && row.sharing !== 'org';
}

/**
 * The condition for cases the viewer may read: `mayRead` as SQL, for queries over many rows. Change
 * the two together.
 *
 * Columns are qualified by hand: Drizzle leaves them bare in a one-table select, which a
 * subquery would misread.
 */
export function visibleTo(viewer: Viewer): SQL {
  const published = sql`kaizen_cases.status = 'published'`;
  if (viewer.orgId === null) return sql`(${published} and kaizen_cases.sharing = 'public')`;
  const own = sql`kaizen_cases.org_id = ${viewer.orgId}`;
  const mine = sql`exists (select 1 from case_reporters r where r.case_id = kaizen_cases.id and r.user_id = ${viewer.userId})`;
  const ownVisible = viewer.canReview
    ? sql`(${own} and (kaizen_cases.status <> 'draft' or ${mine}))`
    : sql`(${own} and (${published} or ${mine}))`;
  const shared = sql`(${published} and kaizen_cases.sharing in ('network', 'public'))`;
  return sql`(${ownVisible} or ${shared})`;
}

/** Changing a case (and its attachments): administrators at any time, reporters while it is theirs to change. */
export function mayEdit(viewer: Viewer, status: CaseStatus, isReporter: boolean): boolean {
  return viewer.canPublish || (isReporter && (status === 'draft' || status === 'returned'));
}

/** The fields left out for this viewer: none inside the case's organisation, the internal ones elsewhere. */
export function hiddenFieldsFor(viewer: Viewer, row: { orgId: string; internalFields: string[] }) {
  return new Set<InternalField>(viewer.orgId === row.orgId ? [] : (row.internalFields as InternalField[]));
}
