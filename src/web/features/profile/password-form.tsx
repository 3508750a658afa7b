import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { api, isApiError } from '../../lib/api.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { checkNewPassword } from '../../lib/validation.js';
import { NewPasswordFields } from '../auth/new-password-fields.js';

export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const { form, errors, showErrors } = useFieldErrors();
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');

  const change = useMutation({
    mutationFn: () => api.post('/api/auth/password', { currentPassword, newPassword: password }),
    onSuccess: () => {
      setCurrentPassword('');
      setPassword('');
      setConfirmation('');
      notify(t('profile.passwordChanged'));
    },
    onError: (error) => {
      const found = fieldErrorsFrom(error, t);
      if (isApiError(error, 'wrong_password')) found.currentPassword = describe(error);
      if (found.newPassword) found.password = found.newPassword;
      showErrors(found);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(password, confirmation, t);
    if (!currentPassword) found.currentPassword = t('fieldErrors.required');
    if (!showErrors(found)) return;
    change.mutate();
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="form form--narrow">
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {change.isError && !isApiError(change.error, 'wrong_password') && (
        <Alert tone="error">{describe(change.error)}</Alert>
      )}
      <TextField
        label={t('profile.currentPassword')}
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={errors.currentPassword}
      />
      <NewPasswordFields
        password={password}
        confirmation={confirmation}
        onPassword={setPassword}
        onConfirmation={setConfirmation}
        errors={errors}
        labels={{ password: t('profile.newPassword'), confirmation: t('profile.confirmPassword') }}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={change.isPending} busyLabel={t('common.saving')}>
          {t('profile.changePassword')}
        </Button>
      </div>
    </form>
  );
}
