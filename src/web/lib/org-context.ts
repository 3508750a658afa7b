import { notFound, useParams } from '@tanstack/react-router';
import type { MembershipSummary } from '../../shared/auth/schema.js';
import { findMembership } from './permissions.js';
import { useMe } from './session.js';

/** The organisation named in the URL; only pages under /orgs/$orgId use it. */
export function useOrgId(): string {
  const { orgId } = useParams({ strict: false });
  if (!orgId) throw notFound();
  return orgId;
}

/** The signed-in person's membership in the organisation of the URL (the route guard made sure it exists). */
export function useMembership(): MembershipSummary {
  const me = useMe();
  const orgId = useOrgId();
  const membership = findMembership(me, orgId);
  if (!membership) throw notFound();
  return membership;
}
