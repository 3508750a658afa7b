import { describe, expect, it } from 'vitest';
import { findMatches, indexTokens, parseQuery, snippetOf, toTsQuery, toTsVector } from './search-text.js';

describe('search tokens', () => {
  it('cuts Japanese into bigrams and keeps letters and digits as lower-case words', () => {
    expect(indexTokens('窓口の押印を廃止')).toEqual(['窓口', '口の', 'の押', '押印', '印を', 'を廃', '廃止']);
    expect(indexTokens('RPA導入で年間120時間')).toEqual(['rpa', '導入', '入で', 'で年', '年間', '120', '時間']);
  });

  it('folds full-width, half-width and case together (NFKC)', () => {
    for (const text of ['RPA', 'ＲＰＡ', 'ｒｐａ', 'rpa']) expect(indexTokens(text)).toEqual(['rpa']);
    expect(indexTokens('ｶﾞｲﾄﾞ')).toEqual(indexTokens('ガイド'));
  });

  it('keeps a one-character run as itself and drops punctuation', () => {
    expect(indexTokens('「課」・（係）')).toEqual(['課', '係']);
    expect(indexTokens('!!!、。・…')).toEqual([]);
  });

  it('turns a query into terms whose tokens must all match', () => {
    expect(toTsQuery(parseQuery('窓口'))).toBe("'窓口'");
    expect(toTsQuery(parseQuery('窓口業務 ＲＰＡ'))).toBe("('窓口' <-> '口業' <-> '業務') & 'rpa'");
    expect(toTsQuery(parseQuery('窓'))).toBe("'窓':*");
    expect(toTsQuery(parseQuery('、、、!!'))).toBeNull();
    expect(toTsQuery(parseQuery(''))).toBeNull();
  });

  it('caps a pasted paragraph at twelve terms and ignores repeats', () => {
    const long = Array.from({ length: 40 }, (_, i) => `語${i}`).join(' ');
    expect(parseQuery(long)).toHaveLength(12);
    expect(parseQuery('窓口 窓口 窓口')).toHaveLength(1);
    expect(parseQuery('x'.repeat(10_000))).toEqual([]);
    // A long Japanese run is searched as phrases of at most 16 characters, from its first 1,000.
    const pasted = parseQuery('窓口'.repeat(5000));
    expect(pasted.map((term) => term.text)).toEqual(['窓口'.repeat(8), '窓口'.repeat(4)]);
    expect(pasted[0]?.tokens).toHaveLength(15);
  });
});

describe('the index entry', () => {
  it('gives every token its positions and the strongest weight it appears with', () => {
    expect(
      toTsVector([
        { text: '窓口改善', weight: 'A' },
        { text: null, weight: 'B' },
        { text: '窓口でRPA', weight: 'B' },
      ]),
    ).toBe("'窓口':1A,14A '口改':2A '改善':3A '口で':15B 'rpa':16B");
    expect(toTsVector([{ text: '、、', weight: 'A' }])).toBe('');
  });
});

describe('highlighting', () => {
  it('finds matches in the original text across full-width letters', () => {
    const text = 'ＲＰＡで窓口の待ち時間を短縮';
    expect(findMatches(text, parseQuery('rpa 窓口'))).toEqual([
      [0, 3],
      [4, 6],
    ]);
  });

  it('cuts a snippet around the first match and marks the matches', () => {
    const text = `${'前置き'.repeat(30)}窓口の押印を廃止した。${'後書き'.repeat(30)}`;
    const parts = snippetOf(text, parseQuery('押印'), 40);
    expect(parts?.filter((p) => p.highlight).map((p) => p.text)).toEqual(['押印']);
    expect(parts?.[0]?.text).toBe('…');
    expect(parts?.at(-1)?.text).toBe('…');
    expect(snippetOf(text, parseQuery('電子申請'))).toBeNull();
  });
});
