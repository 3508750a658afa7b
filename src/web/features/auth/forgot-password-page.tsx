import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/form-field.js';
import { api } from '../../lib/api.js';
import { usePageTitle } from '../../lib/page-title.js';
import { useErrorText } from '../../lib/problems.js';
import { focusFirstInvalid, isEmail } from '../../lib/validation.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgotTitle'));
  const describe = useErrorText();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();

  // The answer is the same whether or not the address exists, so it cannot be used to probe accounts.
  const request = useMutation({
    mutationFn: (address: string) => api.post('/api/auth/password-reset/request', { email: address }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = isEmail(email) ? undefined : email.trim() ? t('fieldErrors.email') : t('fieldErrors.required');
    setError(problem);
    if (problem) {
      focusFirstInvalid(form.current);
      return;
    }
    request.mutate(email.trim());
  };

  return (
    <div className="auth-card">
      <h1 className="auth-card__title">{t('auth.forgotTitle')}</h1>
      {request.isSuccess ? (
        <Alert tone="success">{t('auth.linkSent')}</Alert>
      ) : (
        <>
          <p>{t('auth.forgotLead')}</p>
          {request.isError && <Alert tone="error">{describe(request.error)}</Alert>}
          <form ref={form} onSubmit={submit} noValidate className="form">
            <TextField
              label={t('auth.email')}
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={error}
            />
            <Button
              type="submit"
              variant="primary"
              className="button--block"
              busy={request.isPending}
              busyLabel={t('auth.sending')}
            >
              {t('auth.sendLink')}
            </Button>
          </form>
        </>
      )}
      <p className="auth-card__links">
        <Link to="/login">{t('auth.backToLogin')}</Link>
      </p>
    </div>
  );
}
