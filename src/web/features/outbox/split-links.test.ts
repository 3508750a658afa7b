import { describe, expect, it } from 'vitest';
import { splitLinks } from './split-links.js';

describe('splitLinks', () => {
  it('finds links in Japanese text', () => {
    const parts = splitLinks('次のリンクから参加してください。\nhttps://example.jp/invite/abc\n以上です。');
    expect(parts).toEqual([
      { kind: 'text', value: '次のリンクから参加してください。\n' },
      { kind: 'link', url: 'https://example.jp/invite/abc' },
      { kind: 'text', value: '\n以上です。' },
    ]);
  });

  it('stops at Japanese brackets and trailing punctuation', () => {
    expect(splitLinks('「http://a.jp/x」')[1]).toEqual({ kind: 'link', url: 'http://a.jp/x' });
    expect(splitLinks('see https://a.jp/x.')[1]).toEqual({ kind: 'link', url: 'https://a.jp/x' });
  });

  it('leaves a link whose secret is hidden as text, so nobody follows a dead link', () => {
    expect(splitLinks('参加: https://a.jp/invite/•••••• まで')).toEqual([
      { kind: 'text', value: '参加: https://a.jp/invite/•••••• まで' },
    ]);
  });

  it('leaves text without links alone', () => {
    expect(splitLinks('リンクなし')).toEqual([{ kind: 'text', value: 'リンクなし' }]);
  });
});
