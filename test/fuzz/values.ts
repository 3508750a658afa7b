import fc from 'fast-check';
import { sampleFiles, zipOf } from '../cases.js';
import type { JsonSchema } from './operations.js';

/**
 * Values for the fuzzer: valid-looking ones generated from an operation's JSON Schema, and the
 * catalogue of deliberately wrong ones (wrong types, injections, malformed ids, odd dates,
 * numbers at and past their bounds, byte sequences that are not UTF-8).
 */

export interface ValueContext {
  /** A real id for a field or parameter of this name (departmentId, parentId, memberIds …). */
  id(name: string): fc.Arbitrary<string>;
  /** Real values that are not ids (invitation tokens, join codes, e-mail addresses), by name. */
  known(name: string): string[];
}

const words = ['窓口', '市民課', '改善', 'カイゼン', 'ﾃｽﾄ', 'Kaizen', 'a', '𠮷野', '📝', '令和8年'];

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

function textOf(min: number, max: number): fc.Arbitrary<string> {
  const fitting = words.filter((w) => w.length >= min && w.length <= max);
  const free = fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 24)) });
  return fitting.length > 0 ? fc.oneof(fc.constantFrom(...fitting), free) : free;
}

/** A day near today: most rules about days (a round's close, a plan's start) are about now. */
function day(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function stringOf(schema: JsonSchema, name: string, ctx: ValueContext): fc.Arbitrary<string> {
  const known = ctx.known(name);
  if (known.length > 0) return fc.constantFrom(...known);
  switch (schema.format) {
    case 'uuid':
      return ctx.id(name);
    case 'date':
      return fc.integer({ min: -30, max: 120 }).map(day);
    case 'date-time':
      return fc.integer({ min: -30, max: 120 }).map((d) => `${day(d)}T03:00:00.000Z`);
    case 'email':
      return fc.oneof(fc.constantFrom(...ctx.known('email'), 'nobody@example.jp'), fc.emailAddress());
  }
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // A pattern JavaScript cannot read: plain text will do.
    }
  }
  return textOf(numberOr(schema.minLength, 0), numberOr(schema.maxLength, 200));
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(numberOr(schema.minimum, numberOr(schema.exclusiveMinimum, -1001) + 1), -1e6);
  const max = Math.min(numberOr(schema.maximum, numberOr(schema.exclusiveMaximum, 1001) - 1), min + 1000);
  // Mostly the smallest few (version 1, the first table), which is where real rows are.
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min, max: Math.max(min, Math.min(max, min + 2)) }) },
    { weight: 1, arbitrary: fc.integer({ min, max: Math.max(min, max) }) },
  );
}

export interface ValidOptions {
  /** Every optional property present, so that mutations find something to change. */
  complete: boolean;
}

/** A value that a client following the document would send: right types, in bounds, real ids. */
export function validOf(
  schema: JsonSchema,
  name: string,
  ctx: ValueContext,
  options: ValidOptions,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const choices = asArray(schema.anyOf ?? schema.oneOf) as JsonSchema[];
  if (choices.length > 0) return fc.oneof(...choices.map((c) => validOf(c, name, ctx, options, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf[0]) return validOf(schema.allOf[0], name, ctx, options, depth + 1);
  const types = asArray(schema.type) as string[];
  if (types.length > 1)
    return fc.oneof(...types.map((type) => validOf({ ...schema, type }, name, ctx, options, depth)));
  const type = types[0] ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringOf(schema, name, ctx);
    case 'integer':
      return integerOf(schema);
    case 'number':
      return fc.double({ min: numberOr(schema.minimum, -1000), max: numberOr(schema.maximum, 1000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = numberOr(schema.minItems, 0);
      const maxLength = Math.max(minLength, Math.min(numberOr(schema.maxItems, 3), minLength + 3));
      const items = validOf((schema.items as JsonSchema) ?? {}, name, ctx, options, depth + 1);
      return fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectOf(schema, ctx, options, depth);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function objectOf(schema: JsonSchema, ctx: ValueContext, options: ValidOptions, depth: number) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = asArray(schema.required) as string[];
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, child]) => [key, validOf(child, key, ctx, options, depth + 1)]),
  );
  const record = fc.record(model, { requiredKeys: options.complete ? Object.keys(model) : required });
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== 'object') return record;
  const names = schema.propertyNames as JsonSchema | undefined;
  const keys = names ? stringOf(names, 'key', ctx) : textOf(1, 12);
  const values = validOf(extra as JsonSchema, 'value', ctx, options, depth + 1);
  return fc.tuple(record, fc.dictionary(keys, values, { maxKeys: 3 })).map(([fixed, free]) => ({ ...free, ...fixed }));
}

/** Strings a careless query builder, template or shell would trip over. */
export const injections = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  "\\'",
  '\\',
  '%',
  '_',
  '%_%',
  '*',
  '$1',
  '$$ $$',
  ':id',
  '?',
  'a & b | !c',
  '((((',
  '<->',
  'a:*',
  "'''",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template expression is the payload
  '${7*7}',
  '../../../../etc/passwd',
  '..%2F..%2Fetc',
  'http://169.254.169.254/latest/meta-data/',
  '\r\nSet-Cookie: x=1',
  'a\nb\tc',
  '\u202egnp.exe',
  '\u200b\u200d\ufeff',
  'ｱｲｳ\u3000Ａ',
  'e\u0301',
  '🏳️‍🌈👨‍👩‍👧‍👦',
  '𠮷'.repeat(60),
  ' ',
  '',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '=HYPERLINK("http://x")',
  '@SUM(A1)',
  '{"a":1}',
  '[1,2]',
  // Documents in a text field that a route parses (a sheet file): nested past any parser's stack, aliases, tags.
  `${'['.repeat(2000)}${']'.repeat(2000)}`,
  `${'- '.repeat(2000)}x`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  'a: &a ["x","x","x"]\nb: &b [*a,*a,*a]\nc: &c [*b,*b,*b]\nd: &d [*c,*c,*c]\ne: [*d,*d,*d]',
  'a: !!js/function "function () {}"\nb: !!binary "AAAA"',
  '%YAML 9.9\n---\nx: *missing',
];

/** JSON values of every type, for a field that wants another. */
export const wrongJsonValues: unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  true,
  false,
  null,
  '',
  'x',
  '1',
  [],
  [null],
  {},
  { a: 1 },
];

/** What a query string or path can carry instead of the number, id, date or choice it should. */
export const wrongUrlValues = [
  'abc',
  '',
  ' ',
  '-1',
  '0',
  '1.5',
  '1e309',
  'true',
  'null',
  '[]',
  '{}',
  'NaN',
  '9'.repeat(30),
];

/** Ids that are not ids, or are almost, made from a real one when there is one. */
export function malformedIds(real: string): string[] {
  return [
    '1',
    '-1',
    'null',
    'undefined',
    '',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '12345678-1234-1234-1234-123456789012',
    real.toUpperCase(),
    `${real} `,
    `${real}x`,
    real.replaceAll('-', ''),
    `{${real}}`,
    real.slice(0, 35),
    `${real.slice(0, 35)}g`,
    `${real},${real}`,
    `${real}' OR '1'='1`,
    'x'.repeat(36),
  ];
}

export const oddDates = [
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '9999-12-31',
  '10000-01-01',
  '2026-02-29',
  '2024-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-1-1',
  '-271821-04-20',
  '+275760-09-13',
  '2026-06-01T00:00:00Z',
  '20260601',
  '令和8年6月1日',
];

/** Numbers at a schema's bounds and just past them, and past what a database integer holds. */
export function boundaryNumbers(schema: JsonSchema | undefined): { edges: number[]; past: number[] } {
  const bounds = [schema?.minimum, schema?.maximum].filter((n): n is number => typeof n === 'number');
  return {
    edges: [...bounds.flatMap((n) => [n - 1, n, n + 1]), 0, -1, -0, 0.5, Number.MIN_VALUE],
    past: [2147483648, -2147483649, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e21, 1e308, -1e308],
  };
}

/** Byte sequences that no UTF-8 decoder may accept: stray continuation, cut, overlong, surrogate, past U+10FFFF. */
export const invalidUtf8 = [
  [0xff],
  [0x80],
  [0xc3, 0x28],
  [0xe7, 0xb7],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfe, 0xff],
];

/** The same in a URL, and percent signs that encode nothing. */
export const invalidPercentEncodings = [
  ...invalidUtf8.map((bytes) => bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('')),
  '%',
  '%zz',
  '%%',
  '%E3%81',
  '%u0041',
];

export const loneSurrogates = ['\ud800', '\udfff', 'a\udc00b', '\ud83d', '\ude00\ud83d', '窓口\udbff'];

/** Files an upload route may be sent: real kinds, disguised ones, and lists with hostile cells. */
export const hostileFiles = [
  Buffer.from('x'),
  Buffer.alloc(0),
  sampleFiles.png,
  sampleFiles.pdf,
  sampleFiles.exe,
  sampleFiles.docx,
  zipOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']),
  Buffer.from(
    `件名,実施日\r\n${["'; DROP TABLE kaizen_cases; --", '=HYPERLINK("x")', '"unclosed', 'a\u0000b', '2026-02-30'].join(',')}\r\n`,
  ),
  Buffer.concat([Buffer.from('件名,改善前\r\n'), Buffer.from([0xe7, 0xb7, 0x2c, 0xff, 0x0d, 0x0a])]),
  Buffer.from(`${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\r\n1\r\n`),
  Buffer.from(`件名\r\n${'あ'.repeat(100_000)}\r\n`),
  Buffer.from('\ufeff\ufeff件名\r\n\r\n\r\n'),
];
