import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/departments/schema.js';
import type { Invitation } from '../../../shared/members/schema.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import { invitationsQueryOptions, memberApi, useRefreshMembers } from './member-queries.js';

/** Invitations not yet accepted, each of which can be revoked. */
export function InvitationList({ orgId, departments }: { orgId: string; departments: readonly Department[] }) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshMembers(orgId);
  const invitations = useQuery(invitationsQueryOptions(orgId));
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const departmentName = (id: string | null) => {
    const name = departments.find((d) => d.id === id)?.name;
    return name ? <DataText>{name}</DataText> : t('members.noDepartment');
  };

  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => memberApi.revoke(orgId, invitation.id),
    onSuccess: async (_result, invitation) => {
      await refresh();
      notify(t('invitations.revoked', { email: invitation.email }));
      setRevoking(null);
    },
  });

  const columns: Column<Invitation>[] = [
    {
      key: 'email',
      header: t('invitations.email'),
      isRowHeader: true,
      render: (i) => <span className="break-all">{i.email}</span>,
    },
    { key: 'role', header: t('invitations.role'), render: (i) => t(`roles.${i.role}`) },
    { key: 'position', header: t('invitations.position'), render: (i) => t(`positions.${i.position}`) },
    { key: 'department', header: t('invitations.department'), render: (i) => departmentName(i.departmentId) },
    {
      key: 'invitedBy',
      header: t('invitations.invitedBy'),
      render: (i) => (i.invitedByName ? <DataText>{i.invitedByName}</DataText> : t('common.notSet')),
    },
    { key: 'created', header: t('invitations.created'), render: (i) => <DateText value={i.createdAt} /> },
    { key: 'expires', header: t('invitations.expires'), render: (i) => <DateText value={i.expiresAt} withTime /> },
    {
      key: 'actions',
      header: t('members.actions'),
      render: (i) => (
        <Button
          size="sm"
          variant="tertiary"
          className="button--danger-text"
          onClick={() => {
            revoke.reset();
            setRevoking(i);
          }}
          aria-label={t('invitations.revokeFor', { email: i.email })}
        >
          {t('invitations.revoke')}
        </Button>
      ),
    },
  ];

  return (
    <section className="section" aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="section__title">
        {t('invitations.openTitle')}
      </h2>
      {invitations.isPending && <Loading minHeight={80} />}
      {invitations.isError && <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />}
      {invitations.data?.length === 0 && <EmptyState>{t('invitations.openEmpty')}</EmptyState>}
      {invitations.data && invitations.data.length > 0 && (
        <DataTable
          caption={t('invitations.openTitle')}
          rows={invitations.data}
          columns={columns}
          rowKey={(i) => i.id}
        />
      )}
      {revoking && (
        <ConfirmDialog
          open
          title={t('invitations.revokeTitle', { email: revoking.email })}
          body={t('invitations.revokeBody')}
          confirmLabel={t('invitations.revoke')}
          onConfirm={() => revoke.mutate(revoking)}
          onClose={() => setRevoking(null)}
          busy={revoke.isPending}
          error={revoke.isError ? describe(revoke.error) : null}
        />
      )}
    </section>
  );
}
