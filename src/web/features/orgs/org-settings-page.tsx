import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgSummary } from '../../../shared/orgs/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { api, isApiError, segment } from '../../lib/api.js';
import { useOrgId } from '../../lib/org-context.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { meQueryKey } from '../../lib/session.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { dropChangedErrors } from '../../lib/validation.js';
import { type OrgFormValues, orgFormFrom, orgPayload, validateOrgForm } from './org-form.js';
import { OrgProfileFields } from './org-profile-fields.js';
import { orgQueryKey, orgQueryOptions } from './org-queries.js';

export function OrgSettingsPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const org = useQuery(orgQueryOptions(orgId));
  return (
    <>
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      {org.isPending && <Loading />}
      {org.isError && <QueryError error={org.error} onRetry={() => void org.refetch()} />}
      {org.data && <OrgSettingsForm key={org.data.id} org={org.data} />}
    </>
  );
}

function OrgSettingsForm({ org }: { org: OrgSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useToast();
  const describe = useErrorText();
  const { form, errors, setErrors, showErrors } = useFieldErrors();
  const [values, setValues] = useState<OrgFormValues>(() => orgFormFrom(org));

  const save = useMutation({
    mutationFn: () => api.patch<OrgSummary>(`/api/orgs/${segment(org.id)}`, orgPayload(values, org.kind)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(orgQueryKey(org.id), saved);
      setValues(orgFormFrom(saved));
      // The organisation's name also appears in the header's switcher.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      notify(t('settings.saved'));
    },
    onError: (error) => {
      const found = fieldErrorsFrom(error, t);
      if (isApiError(error, 'lg_code_taken')) found.lgCode = describe(error);
      showErrors(found);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateOrgForm(values, org.kind, t);
    if (!showErrors(found)) return;
    save.mutate();
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="panel form form--wide">
      <p>
        <span className="label-inline">{t('settings.kind')}</span> {t(`orgKinds.${org.kind}`)}
      </p>
      {save.isError && <Alert tone="error">{describe(save.error)}</Alert>}
      <OrgProfileFields
        kind={org.kind}
        values={values}
        onChange={(next) => {
          setErrors((current) => dropChangedErrors(current, values, next));
          setValues(next);
        }}
        errors={errors}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
