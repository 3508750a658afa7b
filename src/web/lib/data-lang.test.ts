import { describe, expect, it } from 'vitest';
import { dataLang } from './data-lang.js';

describe('dataLang', () => {
  it('marks Japanese names on English pages', () => {
    expect(dataLang('デモ市', 'en')).toBe('ja');
    expect(dataLang('改善 一郎', 'en')).toBe('ja');
    expect(dataLang('ひらがな', 'en')).toBe('ja');
    expect(dataLang('Planning課', 'en')).toBe('ja');
  });

  it('leaves Latin text and Japanese pages alone', () => {
    expect(dataLang('Planning', 'en')).toBeUndefined();
    expect(dataLang('Kaizen Lab 2026', 'en')).toBeUndefined();
    expect(dataLang('デモ市', 'ja')).toBeUndefined();
    expect(dataLang('', 'en')).toBeUndefined();
  });
});
