import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/form-field.js';
import { api } from '../../lib/api.js';
import { usePageTitle } from '../../lib/page-title.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useAcceptMe } from '../../lib/session.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { type FieldErrors, isEmail } from '../../lib/validation.js';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.loginTitle'));
  const search = useSearch({ from: '/public/login' });
  const navigate = useNavigate();
  const acceptMe = useAcceptMe();
  const describe = useErrorText();
  const { form, errors, showErrors } = useFieldErrors();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Me>('/api/auth/login', body),
    onSuccess: async (me) => {
      acceptMe(me);
      await navigate({ href: search.redirect ?? '/' });
    },
    onError: (error) => {
      showErrors(fieldErrorsFrom(error, t));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!isEmail(email)) found.email = email.trim() ? t('fieldErrors.email') : t('fieldErrors.required');
    if (!password) found.password = t('fieldErrors.required');
    if (!showErrors(found)) return;
    login.mutate({ email: email.trim(), password });
  };

  return (
    <div className="auth-card">
      <p className="auth-card__product">{t('app.name')}</p>
      <p className="auth-card__tagline">{t('app.tagline')}</p>
      <h1 className="auth-card__title">{t('auth.loginTitle')}</h1>
      {login.isError && <Alert tone="error">{describe(login.error)}</Alert>}
      <form ref={form} onSubmit={submit} noValidate className="form">
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
        />
        <Button
          type="submit"
          variant="primary"
          className="button--block"
          busy={login.isPending}
          busyLabel={t('auth.loggingIn')}
        >
          {t('auth.login')}
        </Button>
      </form>
      <p className="auth-card__links">
        <Link to="/forgot-password">{t('auth.forgot')}</Link>
      </p>
      <p className="auth-card__public">
        <Link to="/public/cases">{t('auth.publicCases')}</Link>
        <span className="auth-card__public-hint">{t('auth.publicCasesHint')}</span>
      </p>
    </div>
  );
}
