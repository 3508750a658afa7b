import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { Department } from '../../../shared/departments/schema.js';
import { api, segment } from '../../lib/api.js';

export const departmentsQueryKey = (orgId: string) => ['orgs', orgId, 'departments'] as const;

export function departmentsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: departmentsQueryKey(orgId),
    queryFn: () => api.get<Department[]>(`/api/orgs/${segment(orgId)}/departments`),
  });
}

export interface DepartmentInput {
  name: string;
  level: Department['level'];
  parentId: string | null;
  sortOrder?: number;
}

export const departmentApi = {
  create: (orgId: string, input: DepartmentInput) =>
    api.post<Department>(`/api/orgs/${segment(orgId)}/departments`, input),
  update: (orgId: string, id: string, input: Partial<DepartmentInput>) =>
    api.patch<Department>(`/api/orgs/${segment(orgId)}/departments/${segment(id)}`, input),
  remove: (orgId: string, id: string) => api.delete(`/api/orgs/${segment(orgId)}/departments/${segment(id)}`),
};

/** After a change the tree, the organisation's counts and member lists may all differ. */
export function useRefreshDepartments(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['orgs', orgId] });
}
