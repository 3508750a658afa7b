import type { TenancyFixture } from '../../../../test/tenancy.js';

/**
 * The organisation's one department, which its staff member belongs to. The bodies name it, so
 * the test also tries them under the other organisation with this one's department in them.
 */
export const departmentsFixture: TenancyFixture = {
  async setUp(_t, tenant) {
    return { values: { departmentId: tenant.department.id } };
  },
  bodies: {
    'POST /api/orgs/:orgId/departments': (v) => ({ name: '新しい係', level: 'unit', parentId: v.departmentId }),
    'PATCH /api/orgs/:orgId/departments/:departmentId': { name: '書き換え' },
    'DELETE /api/orgs/:orgId/departments/:departmentId': {},
  },
};
