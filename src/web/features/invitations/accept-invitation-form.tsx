import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/form-field.js';
import { api, segment } from '../../lib/api.js';
import { rememberOrg } from '../../lib/last-org.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useAcceptMe } from '../../lib/session.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { checkNewPassword, type FieldErrors } from '../../lib/validation.js';
import { NewPasswordFields } from '../auth/new-password-fields.js';
import type { InvitationPreview } from './invite-page.js';

/** New people choose a name and password; people with an account confirm with their password. */
export function AcceptInvitationForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const acceptMe = useAcceptMe();
  const describe = useErrorText();
  const { form, errors, showErrors } = useFieldErrors();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');

  const accept = useMutation({
    mutationFn: (body: { displayName?: string; password: string }) =>
      api.post<Me>(`/api/invitations/${segment(token)}/accept`, body),
    onSuccess: async (me) => {
      acceptMe(me);
      const joined = me.memberships.find((m) => m.orgId === preview.orgId);
      if (joined) {
        rememberOrg(joined.orgId);
        await navigate({ to: '/orgs/$orgId', params: { orgId: joined.orgId } });
      } else {
        await navigate({ to: '/' });
      }
    },
    onError: (error) => {
      showErrors(fieldErrorsFrom(error, t));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let found: FieldErrors = {};
    if (preview.hasAccount) {
      if (!password) found.password = t('fieldErrors.required');
    } else {
      found = checkNewPassword(password, confirmation, t);
      if (!displayName.trim()) found.displayName = t('fieldErrors.required');
    }
    if (!showErrors(found)) return;
    accept.mutate(preview.hasAccount ? { password } : { displayName: displayName.trim(), password });
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="form">
      <p>{preview.hasAccount ? t('invite.existingAccountLead') : t('invite.newAccountLead')}</p>
      {accept.isError && <Alert tone="error">{describe(accept.error)}</Alert>}
      {preview.hasAccount ? (
        <TextField
          label={t('invite.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
        />
      ) : (
        <>
          <TextField
            label={t('invite.displayName')}
            hint={t('invite.displayNameHint')}
            name="displayName"
            autoComplete="name"
            maxLength={80}
            required
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            error={errors.displayName}
          />
          <NewPasswordFields
            password={password}
            confirmation={confirmation}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
            errors={errors}
            labels={{ password: t('invite.password'), confirmation: t('invite.confirmPassword') }}
          />
        </>
      )}
      <Button
        type="submit"
        variant="primary"
        className="button--block"
        busy={accept.isPending}
        busyLabel={t('invite.joining')}
      >
        {t('invite.join')}
      </Button>
    </form>
  );
}
