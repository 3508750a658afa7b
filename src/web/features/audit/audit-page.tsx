import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { departmentsQueryOptions } from '../departments/department-queries.js';
import { membersQueryOptions } from '../members/member-queries.js';
import { AuditFiltersForm } from './audit-filters.js';
import { type AuditFilters, auditQueryOptions, emptyAuditFilters } from './audit-queries.js';
import { AuditTable } from './audit-table.js';

export function AuditPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const events = useInfiniteQuery(auditQueryOptions(orgId, filters));
  const members = useQuery(membersQueryOptions(orgId, { q: '', role: '', departmentId: '' }));
  const departments = useQuery(departmentsQueryOptions(orgId));
  const items = useMemo(() => events.data?.pages.flatMap((page) => page.items) ?? [], [events.data]);

  // Ids inside the changes (parent department, department of a member) read better as names.
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const d of departments.data ?? []) map.set(d.id, d.name);
    return map;
  }, [departments.data]);

  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} />
      <AuditFiltersForm value={filters} onApply={setFilters} members={members.data ?? []} />
      {events.isPending && <Loading />}
      {events.isError && <QueryError error={events.error} onRetry={() => void events.refetch()} />}
      {events.isSuccess && items.length === 0 && <EmptyState>{t('audit.empty')}</EmptyState>}
      {items.length > 0 && (
        <section className="section" aria-labelledby="audit-results">
          <h2 id="audit-results" className="visually-hidden">
            {t('audit.title')}
          </h2>
          <p className="toolbar__summary" role="status">
            {t('audit.shown', { count: items.length })}
          </p>
          <AuditTable events={items} names={names} />
          <div className="load-more">
            {events.hasNextPage ? (
              <Button
                onClick={() => void events.fetchNextPage()}
                busy={events.isFetchingNextPage}
                busyLabel={t('audit.loadingMore')}
              >
                {t('audit.more')}
              </Button>
            ) : (
              <p className="muted">{t('audit.end')}</p>
            )}
          </div>
        </section>
      )}
    </>
  );
}
