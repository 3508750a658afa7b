import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/members/schema.js';
import { Button } from '../../components/button.js';
import { PageHeader } from '../../components/page-header.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { departmentsQueryOptions } from '../departments/department-queries.js';
import { orgQueryOptions } from '../orgs/org-queries.js';
import { InvitationList } from './invitation-list.js';
import { InviteDialog } from './invite-dialog.js';
import { LoginLockList } from './login-lock-list.js';
import { MemberEditDialog } from './member-edit-dialog.js';
import { MemberFiltersForm } from './member-filters.js';
import { type MemberFilters, membersQueryOptions } from './member-queries.js';
import { MemberTable } from './member-table.js';
import { RemoveMemberDialog } from './remove-member-dialog.js';
import { assignableRoles } from './role-options.js';

type Acting = { mode: 'edit' | 'remove'; member: Member } | { mode: 'invite' } | null;

/** Waits for a pause in typing before searching, so each keystroke does not hit the server. */
function useDebouncedFilters(filters: MemberFilters): MemberFilters {
  const [value, setValue] = useState(filters);
  useEffect(() => {
    const timer = window.setTimeout(() => setValue(filters), 300);
    return () => window.clearTimeout(timer);
  }, [filters]);
  return value;
}

export function MembersPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const me = useMe();
  const canManage = can(useMembership(), 'member.manage');
  const [filters, setFilters] = useState<MemberFilters>({ q: '', role: '', departmentId: '' });
  const [acting, setActing] = useState<Acting>(null);
  const members = useQuery(membersQueryOptions(orgId, useDebouncedFilters(filters)));
  const departments = useQuery(departmentsQueryOptions(orgId));
  const org = useQuery(orgQueryOptions(orgId));
  const roles = assignableRoles(org.data?.isPlatform ?? false);
  const departmentList = departments.data ?? [];

  return (
    <>
      <PageHeader
        title={t('members.title')}
        lead={t('members.lead')}
        actions={
          canManage && (
            <Button variant="primary" onClick={() => setActing({ mode: 'invite' })}>
              {t('invitations.title')}
            </Button>
          )
        }
      />
      {canManage && <LoginLockList orgId={orgId} />}
      <MemberFiltersForm filters={filters} onChange={setFilters} roles={roles} departments={departmentList} />
      <MemberTable
        query={members}
        currentUserId={me.id}
        onEdit={canManage ? (member) => setActing({ mode: 'edit', member }) : undefined}
        onRemove={canManage ? (member) => setActing({ mode: 'remove', member }) : undefined}
      />
      {canManage && <InvitationList orgId={orgId} departments={departmentList} />}
      {acting?.mode === 'invite' && (
        <InviteDialog orgId={orgId} roles={roles} departments={departmentList} onClose={() => setActing(null)} />
      )}
      {acting?.mode === 'edit' && (
        <MemberEditDialog
          orgId={orgId}
          member={acting.member}
          roles={roles}
          departments={departmentList}
          onClose={() => setActing(null)}
        />
      )}
      {acting?.mode === 'remove' && (
        <RemoveMemberDialog orgId={orgId} member={acting.member} onClose={() => setActing(null)} />
      )}
    </>
  );
}
