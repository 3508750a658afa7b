import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/departments/schema.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import { departmentApi, useRefreshDepartments } from './department-queries.js';

export function DeleteDepartmentDialog({
  orgId,
  department,
  onClose,
}: {
  orgId: string;
  department: Department;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshDepartments(orgId);
  const remove = useMutation({
    mutationFn: () => departmentApi.remove(orgId, department.id),
    onSuccess: async () => {
      await refresh();
      notify(t('departments.deleted', { name: department.name }));
      onClose();
    },
  });

  return (
    <ConfirmDialog
      open
      title={t('departments.deleteTitle', { name: department.name })}
      body={t('departments.deleteBody')}
      confirmLabel={t('common.delete')}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      busy={remove.isPending}
      error={remove.isError ? describe(remove.error) : null}
    />
  );
}
