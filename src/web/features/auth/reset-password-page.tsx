import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { api, isApiError } from '../../lib/api.js';
import { usePageTitle } from '../../lib/page-title.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { checkNewPassword } from '../../lib/validation.js';
import { NewPasswordFields } from './new-password-fields.js';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.resetTitle'));
  const { token } = useParams({ from: '/public/reset-password/$token' });
  const describe = useErrorText();
  const { form, errors, setErrors, showErrors } = useFieldErrors();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');

  const reset = useMutation({
    mutationFn: () => api.post('/api/auth/password-reset/confirm', { token, password }),
    onError: (error) => setErrors(fieldErrorsFrom(error, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(password, confirmation, t);
    if (!showErrors(found)) return;
    reset.mutate();
  };

  if (reset.isSuccess) {
    return (
      <div className="auth-card">
        <h1 className="auth-card__title">{t('auth.resetTitle')}</h1>
        <Alert tone="success">{t('auth.resetDone')}</Alert>
        <p className="auth-card__links">
          <Link to="/login" className="button button--primary button--block">
            {t('auth.loginTitle')}
          </Link>
        </p>
      </div>
    );
  }

  const expired = isApiError(reset.error, 'token_invalid');
  return (
    <div className="auth-card">
      <h1 className="auth-card__title">{t('auth.resetTitle')}</h1>
      <p>{t('auth.resetLead')}</p>
      {reset.isError && (
        <Alert tone="error">
          <p>{describe(reset.error)}</p>
          {expired && (
            <p>
              <Link to="/forgot-password">{t('auth.requestNewLink')}</Link>
            </p>
          )}
        </Alert>
      )}
      <form ref={form} onSubmit={submit} noValidate className="form">
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          errors={errors}
        />
        <Button
          type="submit"
          variant="primary"
          className="button--block"
          busy={reset.isPending}
          busyLabel={t('common.saving')}
        >
          {t('auth.setPassword')}
        </Button>
      </form>
      <p className="auth-card__links">
        <Link to="/login">{t('auth.backToLogin')}</Link>
      </p>
    </div>
  );
}
