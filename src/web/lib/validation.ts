import type { TFunction } from 'i18next';

export type FieldErrors = Record<string, string>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return emailPattern.test(value.trim());
}

/** Password rules the server enforces, checked first here so the person gets a message at the field. */
export function checkNewPassword(password: string, confirmation: string, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (password.length < 10) errors.password = t('fieldErrors.passwordLength');
  else if (password !== confirmation) errors.confirmPassword = t('fieldErrors.passwordMismatch');
  return errors;
}

/** After a failed submit, focus goes to the first field that needs attention. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
  });
}

/** Drops the errors of fields whose value just changed: a message about the old value would mislead. */
export function dropChangedErrors<T extends object>(errors: FieldErrors, before: T, after: T): FieldErrors {
  const next: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    if (before[field as keyof T] === after[field as keyof T]) next[field] = message;
  }
  return next;
}
