import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/members/schema.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import { memberApi, useRefreshMembers } from './member-queries.js';

export function RemoveMemberDialog({ orgId, member, onClose }: { orgId: string; member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshMembers(orgId);
  const remove = useMutation({
    mutationFn: () => memberApi.remove(orgId, member.id),
    onSuccess: async () => {
      await refresh();
      notify(t('members.removed', { name: member.displayName }));
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open
      title={t('members.removeTitle', { name: member.displayName })}
      body={t('members.removeBody')}
      confirmLabel={t('members.remove')}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      busy={remove.isPending}
      error={remove.isError ? describe(remove.error) : null}
    />
  );
}
