import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrgKind, type OrgSummary, orgKinds } from '../../../shared/orgs/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { api, isApiError } from '../../lib/api.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { dropChangedErrors, isEmail } from '../../lib/validation.js';
import { emptyOrgForm, type OrgFormValues, orgPayload, validateOrgForm } from '../orgs/org-form.js';
import { OrgProfileFields } from '../orgs/org-profile-fields.js';

export function RegisterOrgDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useToast();
  const describe = useErrorText();
  const { form, errors, setErrors, showErrors } = useFieldErrors();
  const [kind, setKind] = useState<OrgKind>('municipality');
  const [values, setValues] = useState<OrgFormValues>(emptyOrgForm);
  const [adminEmail, setAdminEmail] = useState('');

  const register = useMutation({
    mutationFn: () => {
      const email = adminEmail.trim();
      return api.post<OrgSummary>('/api/platform/orgs', {
        kind,
        ...orgPayload(values, kind),
        ...(email ? { adminEmail: email } : {}),
      });
    },
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ['platform', 'orgs'] });
      notify(t('platform.registered', { name: org.name }));
      onClose();
    },
    onError: (error) => {
      const found = fieldErrorsFrom(error, t);
      if (isApiError(error, 'lg_code_taken')) found.lgCode = describe(error);
      showErrors(found);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateOrgForm(values, kind, t);
    if (adminEmail.trim() && !isEmail(adminEmail)) found.adminEmail = t('fieldErrors.email');
    if (!showErrors(found)) return;
    register.mutate();
  };

  return (
    <Dialog
      open
      title={t('platform.registerTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            form="register-org-form"
            variant="primary"
            busy={register.isPending}
            busyLabel={t('platform.registering')}
          >
            {t('platform.register')}
          </Button>
        </>
      }
    >
      <form id="register-org-form" ref={form} onSubmit={submit} noValidate className="form">
        <p>{t('platform.registerLead')}</p>
        {register.isError && <Alert tone="error">{describe(register.error)}</Alert>}
        <SelectField
          label={t('platform.kind')}
          name="kind"
          required
          value={kind}
          onChange={(event) => setKind(event.target.value as OrgKind)}
        >
          {orgKinds.map((value) => (
            <option key={value} value={value}>
              {t(`orgKinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <OrgProfileFields
          kind={kind}
          values={values}
          onChange={(next) => {
            setErrors((current) => dropChangedErrors(current, values, next));
            setValues(next);
          }}
          errors={errors}
        />
        <TextField
          label={t('platform.adminEmail')}
          hint={t('platform.adminEmailHint')}
          type="email"
          name="adminEmail"
          inputMode="email"
          autoComplete="off"
          value={adminEmail}
          onChange={(event) => setAdminEmail(event.target.value)}
          error={errors.adminEmail}
        />
      </form>
    </Dialog>
  );
}
