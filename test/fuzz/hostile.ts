import fc from 'fast-check';
import { multipartBody } from '../cases.js';
import { type Draft, encodeBody, sentinel, type Target, urlValue } from './draft.js';
import type { Example } from './examples.js';
import { poolFor } from './ids.js';
import {
  anyPlace,
  anyString,
  boundaryRank,
  chance,
  type Generate,
  isBoundaryPlace,
  isIdPlace,
  mutateOne,
  mutateSome,
  pick,
  valueBy,
} from './mutations.js';
import type { JsonSchema, Operation } from './operations.js';
import type { FuzzRequest } from './send.js';
import {
  boundaryNumbers,
  hostileFiles,
  injections,
  invalidPercentEncodings,
  invalidUtf8,
  loneSurrogates,
  malformedIds,
  oddDates,
  type ValueContext,
  validOf,
  wrongJsonValues,
  wrongUrlValues,
} from './values.js';
import type { Caller, World } from './world.js';

/** What one generated request does to an operation; every operation gets every kind, for every caller. */
export const kinds = [
  'valid',
  'wrong-type',
  'huge',
  'deep',
  'bad-encoding',
  'nul',
  'lone-surrogate',
  'injection',
  'real-ids',
  'malformed-ids',
  'boundaries',
  'bad-query',
  'bad-body',
  'bad-cookies',
] as const;
export type Kind = (typeof kinds)[number];

/** Which request of its kind this is: the run (a new seed) and the variant (another place changed). */
export interface Position {
  run: number;
  variant: number;
}

const randomUuid = fc.uuid({ version: 4 });

/**
 * Ids for a caller: a valid-looking request takes the own organisation's of the right name; the
 * others sometimes take one of another kind or a foreign organisation's.
 */
function valueContext(world: World, strict: boolean): ValueContext {
  return {
    id(name) {
      const exact = poolFor(world.own, name);
      const anyOwn = world.own.get('any') ?? [];
      const foreign = poolFor(world.foreign, name);
      const one = (ids: string[]) => (ids.length ? fc.constantFrom(...ids) : randomUuid);
      if (strict) return one(exact.length ? exact : anyOwn);
      return fc.oneof(
        { weight: 8, arbitrary: one(exact) },
        { weight: 1, arbitrary: one(anyOwn) },
        { weight: 1, arbitrary: one(foreign) },
      );
    },
    known: (name) => world.values.get(name) ?? [],
  };
}

function nested(depth: number, asObject: boolean): string {
  return asObject ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Applies a kind to the valid draft; returns how many variants (places changed one by one) the kind has here. */
function applyKind(
  g: Generate,
  kind: Kind,
  op: Operation,
  draft: Draft,
  world: World,
  { variant, run }: Position,
): number {
  const inUrl = (t: Target) => t.where !== 'body';
  switch (kind) {
    case 'valid':
      return 1;
    case 'wrong-type':
      return mutateSome(g, op, draft, anyPlace, (t) => ({
        value: inUrl(t) ? pick(g, wrongUrlValues) : pick(g, wrongJsonValues),
      }));
    case 'huge':
      return mutateSome(
        g,
        op,
        draft,
        anyPlace,
        (t) => {
          // A URL longer than Node's 16 KB of headers never arrives; a body up to the limit and past it.
          if (inUrl(t)) return { value: pick(g, ['x'.repeat(12_000), 'あ'.repeat(1_300), '𠮷'.repeat(500)]) };
          const first = t.where === 'body' && Array.isArray(t.slot.value) ? t.slot.value[0] : undefined;
          // Ten thousand of a small item: of a large one, the body alone would pass the limit.
          const item = first !== undefined && JSON.stringify(first).length < 100 ? first : 'x';
          const make = pick(g, [
            () => 'x'.repeat(1_000_000),
            () => 'あ'.repeat(350_000),
            () => Array.from({ length: 10_000 }, () => item),
            () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
          ]);
          return { value: make() };
        },
        // One place: ten thousand copies of an item share it, so a second huge value inside would be sent ten thousand times.
        1,
      );
    case 'deep': {
      const depth = pick(g, [64, 1_000, 10_000, 100_000]);
      const asObject = chance(g, 50);
      if (!op.body && op.method === 'GET')
        return mutateSome(g, op, draft, anyPlace, () => ({ value: nested(Math.min(depth, 1_000), asObject) }));
      const text = JSON.stringify(draft.body && 'json' in draft.body ? draft.body.json : {});
      const at = pick(g, ['root', 'field']);
      draft.body = {
        raw:
          at === 'root' || !text.startsWith('{"')
            ? nested(depth, asObject)
            : `{"deep":${nested(depth, asObject)},${text.slice(1)}`,
        contentType: 'application/json',
      };
      return 1;
    }
    case 'bad-encoding': {
      let n = 0;
      return mutateOne(g, op, draft, variant, anyString, (t) =>
        inUrl(t) ? { value: `a${pick(g, invalidPercentEncodings)}b`, raw: true } : { value: `a${sentinel(n++)}b` },
      );
    }
    case 'nul':
      return mutateOne(g, op, draft, variant, anyString, (t) =>
        inUrl(t)
          ? { value: pick(g, ['%00', 'a%00b', '%00%00']), raw: true }
          : { value: pick(g, ['\u0000', 'a\u0000b']) },
      );
    case 'lone-surrogate':
      if (
        variant === 0 &&
        draft.body &&
        'json' in draft.body &&
        draft.body.json &&
        typeof draft.body.json === 'object' &&
        chance(g, 25)
      ) {
        (draft.body.json as Record<string, unknown>)[pick(g, loneSurrogates)] = 'x';
        return 1;
      }
      // In a URL as it is: encodeURIComponent refuses it, and inject() passes it on.
      return mutateOne(g, op, draft, variant, anyString, (t) => ({ value: pick(g, loneSurrogates), raw: inUrl(t) }));
    case 'injection':
      return mutateOne(g, op, draft, variant, anyString, () => ({ value: pick(g, injections) }));
    case 'real-ids': {
      // One id at a time, the others left real: a foreign organisation's, one of another kind, or unknown.
      const ids = [...(world.own.get('any') ?? []), ...(world.foreign.get('any') ?? [])];
      return mutateOne(
        g,
        op,
        draft,
        variant,
        isIdPlace,
        valueBy((target) => {
          const name = target.where === 'body' ? String(target.slot.path.at(-1)) : target.name;
          const foreign = poolFor(world.foreign, name);
          const choice = pick(g, ['foreign', 'other', 'unknown'] as const);
          const one = () =>
            choice === 'foreign' && foreign.length
              ? pick(g, foreign)
              : choice === 'unknown'
                ? g(() => randomUuid)
                : pick(g, ids);
          const isList = target.where === 'body' && Array.isArray(target.slot.value);
          return isList ? [one(), one(), pick(g, ids)] : one();
        }),
      );
    }
    case 'malformed-ids':
      return mutateSome(g, op, draft, isIdPlace, () => ({
        value: pick(g, malformedIds(pick(g, world.own.get('any') ?? ['00000000-0000-4000-8000-000000000000']))),
      }));
    case 'boundaries':
      // One number, date, list or text at a time, at and past its bounds, the rest left valid.
      return mutateOne(
        g,
        op,
        draft,
        variant,
        isBoundaryPlace,
        valueBy((t) => {
          const schema = t.where === 'body' ? undefined : t.schema;
          const value = t.where === 'body' ? t.slot.value : undefined;
          if (typeof value === 'number' || schema?.type === 'integer' || schema?.type === 'number')
            // The first run always tries one past a 32-bit integer, the bound most often missing below the schema.
            return run === 0 ? 2147483648 : pick(g, pick(g, Object.values(boundaryNumbers(schema))));
          if (Array.isArray(value)) return Array.from({ length: pick(g, [51, 201, 2001]) }, () => value[0] ?? 1);
          // And a day in year 0, which the ISO pattern allows and PostgreSQL's date does not have.
          if ((typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value)) || schema?.format === 'date')
            return run === 0 ? '0000-01-01' : pick(g, oddDates);
          return pick(g, [
            'a'.repeat(pick(g, [100, 101, 200, 201, 255, 256, 1000, 2001, 10_001])),
            '𠮷'.repeat(pick(g, [50, 51, 100, 101, 1001])),
            ' '.repeat(50),
          ]);
        }),
        boundaryRank,
      );
    case 'bad-query': {
      const names = [...op.query.map((p) => p.name), 'q', 'limit'];
      const junk = pick(g, [
        () =>
          names.flatMap(
            (n) =>
              [
                [n, 'a'],
                [n, 'b'],
              ] as [string, string][],
          ),
        () =>
          [
            ['__proto__', 'x'],
            ['constructor', 'x'],
            ['toString', 'x'],
            ['hasOwnProperty', 'x'],
          ] as [string, string][],
        () =>
          [
            [`${pick(g, names)}[]`, '1'],
            [`${pick(g, names)}[a]`, '1'],
            [`${pick(g, names)}.x`, '1'],
          ] as [string, string][],
        () =>
          [
            ['', 'x'],
            ['', ''],
            ['=', '='],
            ['&', '&'],
          ] as [string, string][],
        () => Array.from({ length: 1000 }, (_, i) => [`p${i}`, String(i)] as [string, string]),
        () =>
          [
            [pick(g, names), '%26%3D%23'],
            [pick(g, names), '+%2B+'],
            ['x'.repeat(5000), '1'],
          ] as [string, string][],
      ]);
      draft.query.push(...junk());
      return 1;
    }
    case 'bad-body': {
      const text = JSON.stringify(draft.body && 'json' in draft.body ? draft.body.json : {});
      const file = multipartBody([
        {
          name: pick(g, ['file', 'role', '\u0000', '']),
          value: pick(g, [...injections, 'a\u0000b', 'before', 'document']),
        },
        {
          name: 'file',
          fileName: pick(g, ['a.png', '../../x.png', 'a\u0000b.csv', '', 'x'.repeat(1000), 'cases.xlsx']),
          type: pick(g, ['image/png', 'text/csv', 'application/octet-stream']),
          content: pick(g, hostileFiles),
        },
      ]);
      draft.body = pick(g, [
        { raw: '', contentType: 'application/json' },
        {
          raw: pick(g, ['null', '[]', '"text"', '42', 'true', '{', '{"a":1}{"b":2}', '{"a":1,"a":2}']),
          contentType: 'application/json',
        },
        { raw: '{"__proto__":{"isAdmin":true}}', contentType: 'application/json' },
        { raw: '{"constructor":{"prototype":{"isAdmin":true}}}', contentType: 'application/json' },
        { raw: `\ufeff${text}`, contentType: 'application/json' },
        { raw: text, contentType: pick(g, ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', '']) },
        {
          raw: text,
          contentType: pick(g, [
            'application/json; charset=latin1',
            'application/json; charset=utf-16',
            'APPLICATION/JSON',
            'application/json;;',
          ]),
        },
        { raw: file.payload, contentType: file.contentType },
        { raw: file.payload.subarray(0, file.payload.length - 20), contentType: file.contentType },
        { raw: file.payload, contentType: 'multipart/form-data' },
      ]);
      return 1;
    }
    case 'bad-cookies': {
      const workshopCookie = Object.keys(draft.cookies).find((name) => name.startsWith('kn_ws_')) ?? 'kn_ws_0';
      const choice = pick(g, [
        { kn_session: pick(g, ['x', '%00', 'a'.repeat(4096), '%ED%A0%80', '""', 'undefined']) },
        {
          [workshopCookie]: pick(g, [
            'x',
            '.',
            'x.y',
            `${pick(g, world.own.get('any') ?? ['x'])}.x`,
            '%00.%00',
            'a'.repeat(4096),
          ]),
        },
        { kn_ws_: 'x', 'kn_ws_%00': 'x' },
      ]);
      Object.assign(draft.cookies, choice);
      draft.headers['accept-language'] = pick(g, ['en', 'ja', '*', 'x'.repeat(500), 'en;q=abc', '']);
      if (op.path.endsWith('/events')) draft.headers['last-event-id'] = pick(g, ['-1', 'abc', '1e309', '9'.repeat(40)]);
      if (chance(g, 30)) draft.headers.origin = pick(g, ['http://evil.example', 'null', '::']);
      return 1;
    }
  }
}

/**
 * One request of a kind for an operation as a caller, every choice drawn from the generator; with
 * the number of variants the kind has here (variant n of the same generator changes the n-th
 * place), and what it was before any change, to keep as an example when a valid one succeeds.
 */
export function buildRequest(
  g: Generate,
  op: Operation,
  caller: Caller,
  kind: Kind,
  world: World,
  position: Position = { variant: 0, run: 0 },
): { request: FuzzRequest; variants: number; sent: Example } {
  const ctx = valueContext(world, kind === 'valid');
  const options = { complete: kind !== 'valid' && chance(g, 70) };
  const draft: Draft = { path: new Map(), query: [], body: null, cookies: caller.cookies(), headers: {} };
  // Most often a request that worked, so that one changed place reaches the rules behind the schema.
  const examples = world.examples.of(op.id);
  const example = examples.length > 0 && chance(g, 70) ? pick(g, examples) : null;
  const params: Record<string, string> = {};
  for (const param of op.pathParams) {
    const generated = g(() => validOf(param.schema, param.name, ctx, options));
    params[param.name] = example?.params[param.name] ?? String(generated);
    draft.path.set(param.name, urlValue(params[param.name])[0] ?? 'x');
  }
  for (const param of op.query) {
    if (!param.required && !(options.complete || chance(g, 40))) continue;
    for (const value of urlValue(g(() => validOf(param.schema, param.name, ctx, options))))
      draft.query.push([param.name, value]);
  }
  // A copy: generated values may share objects with the schema (a const, an enum's list).
  if (op.body) {
    const generated = g(() => validOf(op.body as JsonSchema, 'body', ctx, options));
    draft.body = { json: structuredClone(example && example.body !== null ? example.body : generated) };
  }
  const sent: Example = { params, body: draft.body && 'json' in draft.body ? structuredClone(draft.body.json) : null };
  const variants = applyKind(g, kind, op, draft, world, position);

  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => draft.path.get(name) ?? 'x');
  const query = draft.query.map(([k, v]) => (k === '' && v === '' ? '' : `${encodeURIComponent(k)}=${v}`)).join('&');
  const { payload, contentType } = encodeBody(draft, () => pick(g, invalidUtf8));
  const cookie = Object.entries(draft.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const headers: Record<string, string> = { ...draft.headers };
  if (cookie) headers.cookie = cookie;
  if (contentType) headers['content-type'] = contentType;
  const request = { method: op.method, url: query ? `${path}?${query}` : path, headers };
  return { request: payload === undefined ? request : { ...request, payload }, variants, sent };
}
