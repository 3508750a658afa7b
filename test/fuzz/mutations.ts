import fc from 'fast-check';
import { type Accept, type Draft, put, type Target, targetsOf } from './draft.js';
import type { Operation } from './operations.js';

/** How a kind changes a request: some places at once, or one place per variant, and which places qualify. */

export type Generate = fc.GeneratorValue;

export const pick = <T>(g: Generate, list: readonly T[]): T => list[g(fc.nat, list.length - 1)] as T;
export const chance = (g: Generate, percent: number) => g(fc.nat, 99) < percent;
const isIdName = (name: string) => /Ids?$/.test(name) || name === 'compareTo';
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A mutation for one to `most` targets of the accepted kind, or for the whole body when there are none. */
export function mutateSome(
  g: Generate,
  op: Operation,
  draft: Draft,
  accept: Accept,
  make: (target: Target) => { value: unknown; raw?: boolean },
  most = 3,
): number {
  const targets = targetsOf(op, draft, accept);
  if (targets.length === 0) {
    if (op.body || op.method !== 'GET')
      draft.body = { json: make({ where: 'body', slot: { path: [], value: null } }).value };
    return 1;
  }
  const count = Math.min(targets.length, 1 + g(fc.nat, most - 1));
  for (let i = 0; i < count; i++) {
    const target = pick(g, targets);
    const made = make(target);
    put(draft, target, made.value, made.raw);
  }
  return 1;
}

/**
 * Requests of a kind that change one place each: every path and query parameter (cheap, and each
 * a route may hand the database as it is), and at most this many places of a body.
 */
const MAX_BODY_VARIANTS = 4;

/**
 * Changes one place, the variant-th in an order drawn from the generator (so every variant of a
 * request sees the same order), most telling places first; the others stay valid, so the change
 * reaches the code behind the checks. Returns how many variants the request has.
 */
export function mutateOne(
  g: Generate,
  op: Operation,
  draft: Draft,
  variant: number,
  accept: Accept,
  make: (target: Target) => { value: unknown; raw?: boolean },
  rank: (target: Target) => number = () => 0,
): number {
  const targets = targetsOf(op, draft, accept);
  if (targets.length === 0) return 1;
  const shuffled = g(() => fc.shuffledSubarray(targets, { minLength: targets.length, maxLength: targets.length }));
  const ordered = [...shuffled].sort((a, b) => rank(a) - rank(b));
  const inUrl = ordered.filter((t) => t.where !== 'body');
  const chosen = [...inUrl, ...ordered.filter((t) => t.where === 'body').slice(0, MAX_BODY_VARIANTS)];
  const target = chosen[variant % chosen.length] as Target;
  const made = make(target);
  put(draft, target, made.value, made.raw);
  return chosen.length;
}

/** A mutation that only makes a value: encoded as usual wherever it goes. */
export const valueBy = (make: (target: Target) => unknown) => (target: Target) => ({ value: make(target) });

export const anyString: Accept = (value, name) => typeof value === 'string' || (value === undefined && name !== '');
export const anyPlace: Accept = () => true;
const isIdList = (v: unknown) =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && uuidText.test(x));
export const isIdPlace: Accept = (value, name, schema) =>
  isIdName(name) || schema?.format === 'uuid' || (typeof value === 'string' && uuidText.test(value)) || isIdList(value);
const isNumberPlace: Accept = (value, _name, schema) =>
  typeof value === 'number' || schema?.type === 'integer' || schema?.type === 'number';
const isDatePlace: Accept = (value, _name, schema) =>
  schema?.format === 'date' || (typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value));
export const isBoundaryPlace: Accept = (value, name, schema) =>
  isNumberPlace(value, name, schema) ||
  isDatePlace(value, name, schema) ||
  Array.isArray(value) ||
  anyString(value, name, schema);
/** Numbers and days first, then lists and texts: where a bound is most often missing below the schema. */
export const boundaryRank = (t: Target) => {
  const [value, name, schema] = t.where === 'body' ? [t.slot.value, '', undefined] : [undefined, t.name, t.schema];
  if (isNumberPlace(value, name, schema) || isDatePlace(value, name, schema)) return 0;
  return Array.isArray(value) ? 1 : 2;
};
