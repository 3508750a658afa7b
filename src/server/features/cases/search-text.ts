/**
 * Japanese full-text search without a Japanese dictionary: text is normalised (NFKC, lower case)
 * and cut into tokens that PostgreSQL and PGlite both index in a plain tsvector with GIN.
 *
 * - A run of Japanese script (kanji, hiragana, katakana, 々, ー) becomes its overlapping bigrams,
 *   so a two-character word such as 窓口 or 押印 is one token and a longer word is all of its
 *   bigrams in a row. A single character stands alone only when its run is one character long.
 * - A run of letters and digits becomes one lower-case word: ＲＰＡ, ｒｐａ and RPA are all `rpa`.
 * - Everything else separates tokens.
 *
 * A query is cut the same way and every token must match (AND); a one-character Japanese term
 * matches as a prefix of the bigrams, so 窓 finds 窓口. A bigram match is a near-phrase match:
 * all bigrams of 窓口業務 occur in the text, though not necessarily side by side.
 */

const japanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ヵヶー]/u;
const wordChar = /[\p{L}\p{N}]/u;

/** NFKC and lower case: full-width letters, half-width katakana and case all fold together. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

type Run = { kind: 'ja' | 'word'; text: string };

function runsOf(normalized: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const char of normalized) {
    const kind = japanese.test(char) ? 'ja' : wordChar.test(char) ? 'word' : null;
    if (kind === null) {
      current = null;
      continue;
    }
    if (current && current.kind === kind) current.text += char;
    else {
      current = { kind, text: char };
      runs.push(current);
    }
  }
  return runs;
}

function bigramsOf(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** A lexeme quoted for tsquery/tsvector input: tokens hold no quotes, but a backslash must stay literal. */
const quote = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Longest token kept: a 60-character product code or URL is not a search term. */
const maxWordLength = 60;

/** The tokens of a text in order, repeats included. */
function tokensInOrder(text: string): string[] {
  const tokens: string[] = [];
  for (const run of runsOf(normalizeSearchText(text))) {
    if (run.kind === 'ja') tokens.push(...bigramsOf(run.text));
    else if (run.text.length <= maxWordLength) tokens.push(run.text);
  }
  return tokens;
}

/** The distinct tokens of a text, for the index. */
export function indexTokens(text: string): string[] {
  return [...new Set(tokensInOrder(text))];
}

/** Weight of a field in ranking: A for titles, B for the body, C for the rest. */
export type SearchWeight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL keeps positions up to this; later ones are clamped, which only blurs ranking. */
const maxPosition = 16383;

/**
 * The tsvector input (cast with ::tsvector, no parser involved) of weighted fields: every token
 * with its positions, so ranking counts occurrences and a query can ask for bigrams side by side.
 * Fields are spaced apart so a phrase never runs from one field into the next. Markers (see
 * search-markers.ts) follow without positions.
 */
export function toTsVector(
  fields: { text: string | null | undefined; weight: SearchWeight }[],
  markers: string[] = [],
): string {
  const positions = new Map<string, { weight: SearchWeight; at: number[] }>();
  let position = 1;
  for (const field of fields) {
    if (!field.text) continue;
    for (const token of tokensInOrder(field.text)) {
      const entry = positions.get(token) ?? { weight: field.weight, at: [] };
      // A token keeps the strongest weight it appears with (A ranks above D).
      if (field.weight < entry.weight) entry.weight = field.weight;
      if (entry.at.length < 256) entry.at.push(Math.min(position, maxPosition));
      positions.set(token, entry);
      position++;
    }
    position += 10;
  }
  return [
    ...[...positions].map(
      ([token, entry]) => `${quote(token)}:${[...new Set(entry.at)].map((p) => `${p}${entry.weight}`).join(',')}`,
    ),
    ...markers.map(quote),
  ].join(' ');
}

/** One search term as the user typed it, with the tokens that must all match. */
export interface QueryTerm {
  text: string;
  tokens: { token: string; prefix: boolean }[];
}

/** Most terms a query may hold; a pasted paragraph is cut here rather than refused. */
export const maxQueryTerms = 12;

/** Longest Japanese phrase searched as one; a longer run is cut into phrases of this length. */
export const maxPhraseLength = 16;

/** The terms of a query: its Japanese and letter/digit runs. Punctuation alone gives none. */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  // Only the start of a pasted novel matters, and the cap keeps every query cheap.
  const runs = runsOf(normalizeSearchText(query.slice(0, 1000))).flatMap((run) => {
    if (run.kind === 'word') return run.text.length > maxWordLength ? [] : [run];
    const chars = [...run.text];
    const parts: Run[] = [];
    for (let i = 0; i < chars.length; i += maxPhraseLength)
      parts.push({ kind: 'ja', text: chars.slice(i, i + maxPhraseLength).join('') });
    return parts;
  });
  for (const run of runs) {
    if (terms.length >= maxQueryTerms) break;
    if (seen.has(run.text)) continue;
    seen.add(run.text);
    if (run.kind === 'word') terms.push({ text: run.text, tokens: [{ token: run.text, prefix: false }] });
    else if ([...run.text].length === 1) terms.push({ text: run.text, tokens: [{ token: run.text, prefix: true }] });
    else terms.push({ text: run.text, tokens: bigramsOf(run.text).map((token) => ({ token, prefix: false })) });
  }
  return terms;
}

/**
 * The tsquery text (cast with ::tsquery, no parser involved) that all terms must match; null for
 * none. The bigrams of one term must follow each other (<->), so 窓口業務 is found as a phrase.
 */
export function toTsQuery(terms: QueryTerm[]): string | null {
  const parts = terms.map((term) => {
    const tokens = term.tokens.map((t) => `${quote(t.token)}${t.prefix ? ':*' : ''}`);
    return tokens.length > 1 ? `(${tokens.join(' <-> ')})` : (tokens[0] as string);
  });
  return parts.length > 0 ? parts.join(' & ') : null;
}

/** Where the terms occur in a text, as [start, end) ranges of the original string, merged. */
export function findMatches(text: string, terms: QueryTerm[]): [number, number][] {
  // Normalise character by character, remembering where each normalised character came from.
  const normalized: string[] = [];
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    for (const n of normalizeSearchText(char)) {
      normalized.push(n);
      origin.push(offset);
    }
    offset += char.length;
  }
  const haystack = normalized.join('');
  const positions: number[] = [];
  let index = 0;
  for (const c of normalized) {
    positions.push(index);
    index += c.length;
  }
  const ranges: [number, number][] = [];
  for (const term of terms) {
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(term.text, from);
      if (at < 0) break;
      const first = positions.indexOf(at);
      const lastCode = at + term.text.length;
      let last = positions.findIndex((p) => p >= lastCode);
      if (last < 0) last = normalized.length;
      if (first >= 0)
        ranges.push([origin[first] as number, last < origin.length ? (origin[last] as number) : text.length]);
      from = at + Math.max(1, term.text.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * A snippet of about `length` characters around the first match, with the matches marked:
 * plain text parts and highlighted parts, so the UI renders them without any HTML.
 */
export function snippetOf(
  text: string,
  terms: QueryTerm[],
  length = 120,
): { text: string; highlight: boolean }[] | null {
  const matches = findMatches(text, terms);
  if (matches.length === 0) return null;
  const first = matches[0] as [number, number];
  const start = Math.max(0, Math.min(first[0] - Math.floor(length / 4), text.length - length));
  const end = Math.min(text.length, start + length);
  const parts: { text: string; highlight: boolean }[] = [];
  let at = start;
  for (const [s, e] of matches) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) parts.push({ text: text.slice(at, from), highlight: false });
    parts.push({ text: text.slice(from, to), highlight: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), highlight: false });
  if (start > 0) parts.unshift({ text: '…', highlight: false });
  if (end < text.length) parts.push({ text: '…', highlight: false });
  return parts;
}

const hiraganaOnly = /^[\p{Script=Hiragana}ー]+$/u;
const digitsOnly = /^\d+$/;

/**
 * A tsquery text that any of the texts' tokens matches (|), for "cases like this one": the texts'
 * distinct tokens in order, first text first, at most `maxTokens`. Bigrams of hiragana alone
 * (して, ている), bare numbers and tokens `common` to much of the collection say little about a
 * case, so they are left out while others remain.
 */
export function toAnyTsQuery(texts: string[], maxTokens = 64, common: Set<string> = new Set()): string | null {
  const tokens = [...new Set(texts.flatMap((text) => tokensInOrder(text.slice(0, 20_000))))];
  const telling = tokens.filter((t) => !hiraganaOnly.test(t) && !digitsOnly.test(t) && !common.has(t));
  const chosen = (telling.length > 0 ? telling : tokens).slice(0, maxTokens);
  return chosen.length > 0 ? chosen.map(quote).join(' | ') : null;
}
