import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import type { Language } from '../../lib/i18n/language.js';

/** A sheet's title in the person's language, falling back to Japanese. */
export function localizedTitle(title: SheetTemplate['title'], language: Language): string {
  return (language === 'en' ? title.en : undefined) ?? title.ja;
}

/** A template's title in the person's language, falling back to Japanese. */
export function templateTitle(content: SheetTemplate, language: Language): string {
  return localizedTitle(content.title, language);
}
