import type { Permission } from '../../shared/auth/permissions.js';
import type { Me, MembershipSummary } from '../../shared/auth/schema.js';

export function findMembership(me: Me, orgId: string): MembershipSummary | undefined {
  return me.memberships.find((m) => m.orgId === orgId);
}

export function can(membership: MembershipSummary | undefined, permission: Permission): boolean {
  return Boolean(membership?.permissions.includes(permission));
}

/** Thrown by a route guard when the person belongs to the organisation but may not open the page. */
export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
    this.name = 'ForbiddenError';
  }
}
