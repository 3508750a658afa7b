import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import type { Language } from '../../lib/i18n/language.js';

/** A template's title in the person's language, falling back to Japanese. */
export function templateTitle(content: SheetTemplate, language: Language): string {
  return (language === 'en' ? content.title.en : undefined) ?? content.title.ja;
}
