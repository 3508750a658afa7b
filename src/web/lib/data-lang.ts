import type { Language } from './i18n/language.js';

// Kana or kanji anywhere in the text: names such as デモ市, 総務部 or 改善 一郎.
const japaneseScript = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * The `lang` for text people entered (organisation, department and person names). On a Japanese
 * page it needs none; on an English page, text written in Japanese is marked so screen readers
 * read it with a Japanese voice (WCAG 3.1.2). Latin text is left to the page's language.
 */
export function dataLang(text: string, pageLanguage: Language): 'ja' | undefined {
  return pageLanguage !== 'ja' && japaneseScript.test(text) ? 'ja' : undefined;
}
