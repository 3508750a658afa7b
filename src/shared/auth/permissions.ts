import type { Role } from './roles.js';

/**
 * Every permission an organisation-scoped route can ask for, and the roles that hold it.
 * The server enforces this table; /api/auth/me sends each membership's permissions so the UI
 * shows only what the person can do.
 */
export const permissionRoles = {
  'org.read': ['platform_admin', 'org_admin', 'facilitator', 'manager', 'staff'],
  'org.update': ['platform_admin', 'org_admin'],
  'department.read': ['platform_admin', 'org_admin', 'facilitator', 'manager', 'staff'],
  'department.manage': ['platform_admin', 'org_admin'],
  'member.read': ['platform_admin', 'org_admin', 'facilitator', 'manager'],
  'member.manage': ['platform_admin', 'org_admin'],
  'audit.read': ['platform_admin', 'org_admin'],
  'outbox.read': ['platform_admin', 'org_admin'],
  'sheet.read': ['platform_admin', 'org_admin', 'facilitator', 'manager', 'staff'],
  'sheet.manage': ['platform_admin', 'org_admin', 'facilitator'],
  'case.report': ['platform_admin', 'org_admin', 'facilitator', 'manager', 'staff'],
  /** 所属長 and administrators review submitted cases: return them with comments or approve them. */
  'case.review': ['platform_admin', 'org_admin', 'manager'],
  /** Publishing, awards and imports are the organisation's own decisions. */
  'case.publish': ['platform_admin', 'org_admin'],
  /** Opening and running live workshops on a round: the facilitator's work. */
  'workshop.run': ['platform_admin', 'org_admin', 'facilitator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;
export const permissions = Object.keys(permissionRoles) as Permission[];

export function hasPermission(role: Role, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}

export function listPermissions(role: Role): Permission[] {
  return permissions.filter((p) => hasPermission(role, p));
}
