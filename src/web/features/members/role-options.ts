import { type Role, roles } from '../../../shared/auth/roles.js';

/** platform_admin exists only in the platform organisation; elsewhere the server refuses it. */
export function assignableRoles(isPlatform: boolean): Role[] {
  return roles.filter((role) => isPlatform || role !== 'platform_admin');
}
