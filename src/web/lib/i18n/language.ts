import type { Locale } from '../../../shared/common/schema.js';

const STORAGE_KEY = 'kaizen-navi.language';

export type Language = Locale;
export const languages: readonly Language[] = ['ja', 'en'];

function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}

function readStored(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

let active: Language = readStored() ?? 'ja';

/** The language the UI shows now; the API client sends it as Accept-Language. */
export function currentLanguage(): Language {
  return active;
}

/** Remembers the choice for the next visit (localStorage can be blocked; the choice still applies now). */
export function storeLanguage(language: Language): void {
  active = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; nothing else depends on it.
  }
}
