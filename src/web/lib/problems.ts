import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';
import { currentLanguage, type Language } from './i18n/language.js';

/** The message to show a person for any failure, in their language. */
export function describeError(error: unknown, language: Language, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    return error.problem.messages[language] ?? error.problem.title;
  }
  return t('errors.unexpected');
}

type FieldProblem = NonNullable<ApiError['problem']['errors']>[number];

function translateFieldMessage(problem: FieldProblem, language: Language, t: TFunction): string {
  switch (problem.code) {
    case 'lgCode.format':
      return t('fieldErrors.lgCodeFormat');
    case 'lgCode.prefecture':
      return t('fieldErrors.lgCodePrefecture');
    case 'lgCode.check_digit':
      return t('fieldErrors.lgCodeCheckDigit');
    case 'lgCode.required':
      return t('fieldErrors.lgCodeRequired');
    default:
      // The server words every other check in both languages.
      return problem.messages?.[language] ?? t('fieldErrors.invalid');
  }
}

/**
 * Server validation errors keyed by form field: `body.email` becomes `email`, each in the
 * person's language.
 */
export function fieldErrorsFrom(error: unknown, t: TFunction): Record<string, string> {
  const language = currentLanguage();
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const result: Record<string, string> = {};
  for (const problem of error.problem.errors) {
    const field = problem.path.replace(/^(body|querystring|params)\./, '').split('.')[0] ?? '';
    if (!field || result[field]) continue;
    result[field] = translateFieldMessage(problem, language, t);
  }
  return result;
}

export function useErrorText() {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'ja') as Language;
  return (error: unknown) => describeError(error, language, t);
}

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}
