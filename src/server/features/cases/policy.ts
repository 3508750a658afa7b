import { hasPermission } from '../../../shared/auth/permissions.js';
import type { CaseStatus, InternalField } from '../../../shared/cases/case-schema.js';
import type { OrgContext } from '../../lib/context.js';

/**
 * Who reads cases: a member of an organisation (with what their role allows), or someone without
 * login, who reads only public published cases. The SQL twin of `mayRead` is repo.visibleTo.
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

/** Changing a case (and its attachments): administrators at any time, reporters while it is theirs to change. */
export function mayEdit(viewer: Viewer, status: CaseStatus, isReporter: boolean): boolean {
  return viewer.canPublish || (isReporter && (status === 'draft' || status === 'returned'));
}

/** The fields left out for this viewer: none inside the case's organisation, the internal ones elsewhere. */
export function hiddenFieldsFor(viewer: Viewer, row: { orgId: string; internalFields: string[] }) {
  return new Set<InternalField>(viewer.orgId === row.orgId ? [] : (row.internalFields as InternalField[]));
}
