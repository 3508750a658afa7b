import type { JsonSchema, Operation } from './operations.js';

/**
 * A request while it is built and changed: its path and query values already percent-encoded (so
 * a change may break the encoding on purpose), its body as a JSON value or as bytes, and the
 * places a change can go.
 */

export type Segment = string | number;

/** A body value's place: the root ([]) or a path of keys and indexes. */
export interface Slot {
  path: Segment[];
  value: unknown;
}

/** The request as it is built: path and query values already percent-encoded (so a mutation may break that). */
export interface Draft {
  path: Map<string, string>;
  query: [string, string][];
  /** A JSON value to send, or bytes with their content type. */
  body: { json: unknown } | { raw: string | Buffer; contentType: string } | null;
  cookies: Record<string, string>;
  headers: Record<string, string>;
}

export function urlValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urlValue);
  if (value === null || value === undefined) return [];
  return [encodeURIComponent(typeof value === 'object' ? JSON.stringify(value) : String(value))];
}

/** Every place in a body value, containers included, the root first. */
function slotsOf(value: unknown): Slot[] {
  const slots: Slot[] = [];
  const stack: Slot[] = [{ path: [], value }];
  while (stack.length > 0 && slots.length < 500) {
    const slot = stack.shift() as Slot;
    slots.push(slot);
    if (Array.isArray(slot.value))
      for (const [i, v] of slot.value.entries()) stack.push({ path: [...slot.path, i], value: v });
    else if (slot.value && typeof slot.value === 'object')
      for (const [k, v] of Object.entries(slot.value)) stack.push({ path: [...slot.path, k], value: v });
  }
  return slots;
}

/** Sets a value at a path; a path an earlier mutation has replaced the way to is left alone. */
function setAt(root: unknown, path: Segment[], value: unknown): unknown {
  if (path.length === 0) return value;
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (!parent || typeof parent !== 'object') return root;
    parent = (parent as Record<Segment, unknown>)[segment];
  }
  if (parent && typeof parent === 'object') (parent as Record<Segment, unknown>)[path.at(-1) as Segment] = value;
  return root;
}

/** Where a string-shaped mutation can go: path parameters, query parameters, strings in the body. */
export type Target = { where: 'path' | 'query'; name: string; schema: JsonSchema } | { where: 'body'; slot: Slot };

export type Accept = (value: unknown, name: string, schema?: JsonSchema) => boolean;

export function targetsOf(op: Operation, draft: Draft, accept: Accept): Target[] {
  const targets: Target[] = [
    ...op.pathParams.map((p) => ({ where: 'path' as const, name: p.name, schema: p.schema })),
    ...op.query.map((p) => ({ where: 'query' as const, name: p.name, schema: p.schema })),
  ].filter((t) => accept(undefined, t.name, t.schema));
  if (draft.body && 'json' in draft.body) {
    for (const slot of slotsOf(draft.body.json)) {
      const name = String(slot.path.at(-1) ?? 'body');
      if (accept(slot.value, name)) targets.push({ where: 'body', slot });
    }
  }
  return targets;
}

/** Puts a value at a target: percent-encoded in the URL unless `raw`, as it is in the body. */
export function put(draft: Draft, target: Target, value: unknown, raw = false) {
  if (target.where === 'body') {
    // A copy: the catalogue's objects ({}, [null]) must not be shared, or later mutations change them.
    if (draft.body && 'json' in draft.body)
      draft.body.json = setAt(draft.body.json, target.slot.path, structuredClone(value));
  } else if (target.where === 'path') {
    draft.path.set(target.name, raw ? String(value) : (urlValue(value)[0] ?? ''));
  } else {
    draft.query = draft.query.filter(([key]) => key !== target.name);
    for (const v of raw ? [String(value)] : urlValue(value)) draft.query.push([target.name, v]);
  }
}

/** The sentinel an invalid byte sequence replaces once the body is bytes. */
export const sentinel = (n: number) => `\ue000${n}\ue001`;

/** The body as it is sent: JSON with each sentinel replaced by bytes that are not UTF-8. */
export function encodeBody(
  draft: Draft,
  invalidBytes: () => number[],
): { payload?: string | Buffer; contentType?: string } {
  if (!draft.body) return {};
  if ('raw' in draft.body) return { payload: draft.body.raw, contentType: draft.body.contentType || undefined };
  let bytes = Buffer.from(JSON.stringify(draft.body.json) ?? 'null', 'utf8');
  for (let n = 0; bytes.includes(Buffer.from(sentinel(n))); n++) {
    const at = bytes.indexOf(Buffer.from(sentinel(n)));
    bytes = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from(invalidBytes()),
      bytes.subarray(at + Buffer.byteLength(sentinel(n))),
    ]);
  }
  return { payload: bytes, contentType: 'application/json' };
}
