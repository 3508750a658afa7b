import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/members/schema.js';
import { Button } from '../../components/button.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';

interface MemberTableProps {
  query: UseQueryResult<Member[]>;
  currentUserId: string;
  onEdit?: ((member: Member) => void) | undefined;
  onRemove?: ((member: Member) => void) | undefined;
}

export function MemberTable({ query, currentUserId, onEdit, onRemove }: MemberTableProps) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const members = query.data;

  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('members.name'),
      isRowHeader: true,
      render: (m) => (
        <>
          <DataText>{m.displayName}</DataText>
          {m.userId === currentUserId && <span className="muted"> {t('members.you')}</span>}
          <span className="cell-sub">{m.email}</span>
        </>
      ),
    },
    { key: 'role', header: t('members.role'), render: (m) => t(`roles.${m.role}`) },
    { key: 'position', header: t('members.position'), render: (m) => t(`positions.${m.position}`) },
    {
      key: 'department',
      header: t('members.department'),
      render: (m) => (m.departmentName ? <DataText>{m.departmentName}</DataText> : t('members.noDepartment')),
    },
    { key: 'joined', header: t('members.joined'), render: (m) => <DateText value={m.createdAt} /> },
  ];
  if (onEdit && onRemove) {
    columns.push({
      key: 'actions',
      header: t('members.actions'),
      render: (m) => (
        <span className="button-row button-row--tight button-row--nowrap">
          <Button size="sm" onClick={() => onEdit(m)} aria-label={t('members.editFor', { name: m.displayName })}>
            {t('common.edit')}
          </Button>
          <Button
            size="sm"
            variant="tertiary"
            className="button--danger-text"
            onClick={() => onRemove(m)}
            aria-label={t('members.removeFor', { name: m.displayName })}
          >
            {t('members.remove')}
          </Button>
        </span>
      ),
    });
  }

  return (
    <section className="section" aria-labelledby="member-list-title">
      <h2 id="member-list-title" className="visually-hidden">
        {t('members.title')}
      </h2>
      <p className="toolbar__summary" role="status">
        {t('members.resultCount', { count: members.length })}
      </p>
      {members.length === 0 ? (
        <EmptyState>{t('members.empty')}</EmptyState>
      ) : (
        <DataTable caption={t('members.title')} rows={members} columns={columns} rowKey={(m) => m.id} />
      )}
    </section>
  );
}
