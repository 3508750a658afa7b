import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/auth/roles.js';
import type { Department } from '../../../shared/departments/schema.js';
import type { Member } from '../../../shared/members/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { useToast } from '../../components/toast.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import type { FieldErrors } from '../../lib/validation.js';
import { type MemberUpdate, memberApi, useRefreshMembers } from './member-queries.js';
import { MembershipFields } from './membership-fields.js';

interface MemberEditDialogProps {
  orgId: string;
  member: Member;
  roles: readonly Role[];
  departments: readonly Department[];
  onClose: () => void;
}

export function MemberEditDialog({ orgId, member, roles, departments, onClose }: MemberEditDialogProps) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshMembers(orgId);
  const [values, setValues] = useState<MemberUpdate>({
    role: member.role,
    position: member.position,
    departmentId: member.departmentId,
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: () => memberApi.update(orgId, member.id, values),
    onSuccess: async () => {
      await refresh();
      notify(t('members.updated', { name: member.displayName }));
      onClose();
    },
    onError: (error) => setErrors(fieldErrorsFrom(error, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const formId = `member-form-${member.id}`;

  return (
    <Dialog
      open
      title={t('members.editTitle', { name: member.displayName })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="form">
        <p className="muted">{member.email}</p>
        {save.isError && <Alert tone="error">{describe(save.error)}</Alert>}
        <MembershipFields
          values={values}
          onChange={setValues}
          roles={roles}
          departments={departments}
          errors={errors}
        />
      </form>
    </Dialog>
  );
}
