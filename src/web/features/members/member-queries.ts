import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { Position, Role } from '../../../shared/auth/roles.js';
import type { Invitation, LoginLock, Member } from '../../../shared/members/schema.js';
import { api, segment } from '../../lib/api.js';
import { meQueryKey } from '../../lib/session.js';

export interface MemberFilters {
  q: string;
  role: Role | '';
  departmentId: string;
}

export function membersQueryOptions(orgId: string, filters: MemberFilters) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'members', filters],
    queryFn: () =>
      api.get<Member[]>(`/api/orgs/${segment(orgId)}/members`, {
        q: filters.q.trim(),
        role: filters.role,
        departmentId: filters.departmentId,
      }),
    placeholderData: (previous) => previous,
  });
}

export function invitationsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'invitations'],
    queryFn: () => api.get<Invitation[]>(`/api/orgs/${segment(orgId)}/invitations`),
  });
}

export function loginLocksQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'login-locks'],
    queryFn: () => api.get<LoginLock[]>(`/api/orgs/${segment(orgId)}/login-locks`),
  });
}

export interface MemberUpdate {
  role: Role;
  position: Position;
  departmentId: string | null;
}

export interface InvitationInput extends MemberUpdate {
  email: string;
}

export const memberApi = {
  update: (orgId: string, id: string, input: MemberUpdate) =>
    api.patch<Member>(`/api/orgs/${segment(orgId)}/members/${segment(id)}`, input),
  remove: (orgId: string, id: string) => api.delete(`/api/orgs/${segment(orgId)}/members/${segment(id)}`),
  invite: (orgId: string, input: InvitationInput) =>
    api.post<Invitation>(`/api/orgs/${segment(orgId)}/invitations`, input),
  revoke: (orgId: string, id: string) => api.delete(`/api/orgs/${segment(orgId)}/invitations/${segment(id)}`),
  liftLoginLock: (orgId: string, membershipId: string) =>
    api.delete(`/api/orgs/${segment(orgId)}/login-locks/${segment(membershipId)}`),
};

/** Membership changes touch lists, counts and possibly the person's own permissions. */
export function useRefreshMembers(orgId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['orgs', orgId] }),
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
  };
}
