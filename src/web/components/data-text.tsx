import { dataLang } from '../lib/data-lang.js';
import { useLanguage } from '../lib/problems.js';

/**
 * A name people entered (organisation, department, person). On an English page a Japanese name
 * is wrapped in <span lang="ja"> so it is read in Japanese; otherwise it is the plain text.
 */
export function DataText({ children }: { children: string }) {
  const lang = dataLang(children, useLanguage());
  return lang ? <span lang={lang}>{children}</span> : children;
}

/** The `lang` attribute for an element that shows only entered text (a heading, a row header). */
export function useDataLang(text: string | null | undefined): 'ja' | undefined {
  const language = useLanguage();
  return text ? dataLang(text, language) : undefined;
}
