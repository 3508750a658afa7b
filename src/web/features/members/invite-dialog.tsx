import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/auth/roles.js';
import type { Department } from '../../../shared/departments/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { type FieldErrors, isEmail } from '../../lib/validation.js';
import { type MemberUpdate, memberApi, useRefreshMembers } from './member-queries.js';
import { MembershipFields } from './membership-fields.js';

interface InviteDialogProps {
  orgId: string;
  roles: readonly Role[];
  departments: readonly Department[];
  onClose: () => void;
}

export function InviteDialog({ orgId, roles, departments, onClose }: InviteDialogProps) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshMembers(orgId);
  const { form, errors, showErrors } = useFieldErrors();
  const [email, setEmail] = useState('');
  const [values, setValues] = useState<MemberUpdate>({ role: 'staff', position: 'staff', departmentId: null });

  const invite = useMutation({
    mutationFn: () => memberApi.invite(orgId, { email: email.trim(), ...values }),
    onSuccess: async (invitation) => {
      await refresh();
      notify(t('invitations.sent', { email: invitation.email }));
      onClose();
    },
    onError: (error) => {
      showErrors(fieldErrorsFrom(error, t));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!isEmail(email)) found.email = email.trim() ? t('fieldErrors.email') : t('fieldErrors.required');
    if (!showErrors(found)) return;
    invite.mutate();
  };

  return (
    <Dialog
      open
      title={t('invitations.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            form="invite-form"
            variant="primary"
            busy={invite.isPending}
            busyLabel={t('invitations.sending')}
          >
            {t('invitations.send')}
          </Button>
        </>
      }
    >
      <form id="invite-form" ref={form} onSubmit={submit} noValidate className="form">
        <p>{t('invitations.lead')}</p>
        {invite.isError && <Alert tone="error">{describe(invite.error)}</Alert>}
        <TextField
          label={t('invitations.email')}
          type="email"
          name="email"
          inputMode="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
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
