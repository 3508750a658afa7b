import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { api } from '../../lib/api.js';
import { changeLanguage } from '../../lib/i18n/index.js';
import { type Language, languages } from '../../lib/i18n/language.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { meQueryKey } from '../../lib/session.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import type { FieldErrors } from '../../lib/validation.js';

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useToast();
  const describe = useErrorText();
  const { form, errors, showErrors } = useFieldErrors();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocale] = useState<Language>(me.locale);

  const save = useMutation({
    mutationFn: () => api.patch<Me>('/api/auth/me', { displayName: displayName.trim(), locale }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(meQueryKey, saved);
      await changeLanguage(saved.locale);
      // Said after the switch, so the confirmation comes in the language just chosen.
      notify(t('profile.saved', { lng: saved.locale }));
    },
    onError: (error) => {
      showErrors(fieldErrorsFrom(error, t));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!displayName.trim()) found.displayName = t('fieldErrors.required');
    if (!showErrors(found)) return;
    save.mutate();
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="form form--narrow">
      {save.isError && <Alert tone="error">{describe(save.error)}</Alert>}
      <dl className="summary-list">
        <div>
          <dt>{t('profile.email')}</dt>
          <dd className="break-all">{me.email}</dd>
        </div>
      </dl>
      <TextField
        label={t('profile.displayName')}
        name="displayName"
        autoComplete="name"
        maxLength={80}
        required
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={errors.displayName}
      />
      <SelectField
        label={t('profile.language')}
        name="locale"
        value={locale}
        onChange={(event) => setLocale(event.target.value as Language)}
        error={errors.locale}
        fieldClassName="field--narrow"
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
