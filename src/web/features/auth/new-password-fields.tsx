import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form-field.js';
import type { FieldErrors } from '../../lib/validation.js';

interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  errors: FieldErrors;
  labels?: { password: string; confirmation: string };
}

/** A new password typed twice, with the length rule stated up front. */
export function NewPasswordFields({
  password,
  confirmation,
  onPassword,
  onConfirmation,
  errors,
  labels,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={labels?.password ?? t('auth.newPassword')}
        hint={t('auth.passwordHint')}
        type="password"
        name="password"
        autoComplete="new-password"
        minLength={10}
        required
        value={password}
        onChange={(event) => onPassword(event.target.value)}
        error={errors.password}
      />
      <TextField
        label={labels?.confirmation ?? t('auth.confirmPassword')}
        type="password"
        name="confirmPassword"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={(event) => onConfirmation(event.target.value)}
        error={errors.confirmPassword}
      />
    </>
  );
}
