import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/auth/schema.js';
import { useToast } from '../../components/toast.js';
import { api } from '../../lib/api.js';
import { changeLanguage } from '../../lib/i18n/index.js';
import { type Language, languages } from '../../lib/i18n/language.js';
import { useErrorText } from '../../lib/problems.js';
import { meQueryKey } from '../../lib/session.js';

/** 日本語 / English. The choice is kept in this browser and, when logged in, on the account. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useToast();
  const describe = useErrorText();

  const choose = async (language: Language) => {
    if (language === i18n.language) return;
    await changeLanguage(language);
    const me = queryClient.getQueryData<Me | null>(meQueryKey);
    if (!me) return;
    try {
      queryClient.setQueryData(meQueryKey, await api.patch<Me>('/api/auth/me', { locale: language }));
    } catch (error) {
      notify(describe(error), 'error');
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="language-switch" role="group" aria-label={t('header.language')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={i18n.language === language}
          onClick={() => void choose(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
