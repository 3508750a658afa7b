import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/departments/schema.js';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { buildDepartmentTree } from './build-tree.js';
import { DeleteDepartmentDialog } from './delete-department-dialog.js';
import { DepartmentFormDialog } from './department-form-dialog.js';
import { departmentsQueryOptions } from './department-queries.js';
import { DepartmentTree, type TreeActions } from './department-tree.js';

type Editing =
  | { mode: 'create'; parent: Department | null }
  | { mode: 'edit'; department: Department }
  | { mode: 'delete'; department: Department }
  | null;

export function DepartmentsPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const canManage = can(useMembership(), 'department.manage');
  const departments = useQuery(departmentsQueryOptions(orgId));
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const tree = useMemo(() => buildDepartmentTree(departments.data ?? []), [departments.data]);
  const list = departments.data ?? [];

  const actions: TreeActions | undefined = canManage
    ? {
        addChild: (parent) => setEditing({ mode: 'create', parent }),
        edit: (department) => setEditing({ mode: 'edit', department }),
        remove: (department) => setEditing({ mode: 'delete', department }),
      }
    : undefined;

  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        lead={t('departments.lead')}
        actions={
          canManage && (
            <Button variant="primary" onClick={() => setEditing({ mode: 'create', parent: null })}>
              {t('departments.addTop')}
            </Button>
          )
        }
      />
      {departments.isPending && <Loading />}
      {departments.isError && <QueryError error={departments.error} onRetry={() => void departments.refetch()} />}
      {departments.isSuccess && list.length === 0 && (
        <EmptyState>{canManage ? t('departments.empty') : t('departments.emptyReadOnly')}</EmptyState>
      )}
      {list.length > 0 && (
        <section className="panel" aria-label={t('departments.title')}>
          <div className="toolbar">
            <p className="toolbar__summary">{t('departments.count', { count: list.length })}</p>
            <div className="button-row">
              <Button size="sm" onClick={() => setCollapsed(new Set())}>
                {t('departments.expandAll')}
              </Button>
              <Button size="sm" onClick={() => setCollapsed(new Set(list.map((d) => d.id)))}>
                {t('departments.collapseAll')}
              </Button>
            </div>
          </div>
          <DepartmentTree nodes={tree} collapsed={collapsed} onToggle={toggle} actions={actions} />
        </section>
      )}
      {editing?.mode === 'create' && (
        <DepartmentFormDialog
          orgId={orgId}
          departments={list}
          parent={editing.parent}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.mode === 'edit' && (
        <DepartmentFormDialog
          orgId={orgId}
          departments={list}
          department={editing.department}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.mode === 'delete' && (
        <DeleteDepartmentDialog orgId={orgId} department={editing.department} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
