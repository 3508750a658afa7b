import type { TestApp } from '../harness.js';
import type { Operation } from './operations.js';
import { send } from './send.js';

/**
 * The ids the fuzzer knows, by the name a path parameter or body field gives them: taken out of
 * responses (followups[].id → followupId), and read from every GET the document lists.
 */

/** Ids of one organisation's things, by name; `any` holds every id of the organisation. */
export type IdPool = Map<string, string[]>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function addId(pool: IdPool, name: string, value: unknown) {
  if (typeof value !== 'string' || !uuid.test(value)) return;
  for (const key of [name, 'any']) {
    const list = pool.get(key) ?? [];
    if (!list.includes(value) && list.length < 40) list.push(value);
    pool.set(key, list);
  }
}

/** Field and parameter names that hold ids of another name's pool. */
const aliases: Record<string, string[]> = {
  parentId: ['departmentId'],
  adoptedFromId: ['caseId'],
  currentPresentationId: ['presentationId'],
  compareTo: ['roundId'],
  memberId: ['userId', 'membershipId'],
  participantId: ['participantId', 'userId', 'membershipId'],
  reporterId: ['userId'],
  facilitatorId: ['userId'],
  actorId: ['userId'],
  ownerId: ['userId'],
  eventId: ['eventId', 'workshopId'],
};

/** The ids a field or parameter of this name should hold (memberIds → the people). */
export function poolFor(pool: IdPool, name: string): string[] {
  const singular = name.replace(/Ids$/, 'Id');
  for (const candidate of [singular, ...(aliases[singular] ?? [])]) {
    const ids = pool.get(candidate);
    if (ids?.length) return ids;
  }
  return [];
}

/** `followups` → `followupId`, `entries` → `entryId`, `cases` → `caseId`. */
function idNameOf(collection: string): string {
  const singular = collection.endsWith('ies')
    ? `${collection.slice(0, -3)}y`
    : collection.endsWith('s')
      ? collection.slice(0, -1)
      : collection;
  return `${singular}Id`;
}

/**
 * Takes every id out of a response: `somethingId` keys by their own name, `id` by the collection
 * or object it sits in (followups[].id → followupId), or by what the request's path names.
 */
export function harvestIds(pool: IdPool, value: unknown, fallbackName: string) {
  const stack: [unknown, string][] = [[value, fallbackName]];
  while (stack.length > 0) {
    const [current, name] = stack.pop() as [unknown, string];
    if (Array.isArray(current)) {
      for (const item of current) stack.push([item, name]);
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key === 'id') addId(pool, name, child);
        else if (/Ids?$/.test(key)) {
          const idName = key.replace(/Ids$/, 'Id');
          for (const id of [child].flat()) addId(pool, idName, id);
        } else if (child && typeof child === 'object') stack.push([child, idNameOf(key)]);
      }
    }
  }
}

/** The name an id in a response to this path goes by: its last parameter, or its collection. */
export function idNameOfPath(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1) ?? 'any';
  if (/^\{\w+\}$/.test(last)) return last.slice(1, -1);
  return idNameOf(last.replace(/\W/g, ''));
}

/** What both organisations see (a case shared across them, a search's facets) is neither's own. */
export function separate(a: IdPool, b: IdPool) {
  const inA = new Set(a.get('any'));
  const shared = new Set((b.get('any') ?? []).filter((id) => inA.has(id)));
  for (const pool of [a, b])
    for (const [name, ids] of pool)
      pool.set(
        name,
        ids.filter((id) => !shared.has(id)),
      );
}

/**
 * Reads every GET the document lists, as an organisation's admin, with the ids found so far, to
 * learn the ids the fixture did not make by name (tags, plan-draft moves, a round's responses …).
 */
export async function crawl(
  t: TestApp,
  cookie: string,
  pool: IdPool,
  values: Map<string, string[]>,
  operations: Operation[],
) {
  for (let pass = 0; pass < 2; pass++) {
    for (const op of operations) {
      if (op.method !== 'GET' || op.path.endsWith('/events') || op.path.includes('export')) continue;
      let complete = true;
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value =
          poolFor(pool, name)[0] ?? values.get(name)?.[0] ?? (/^(version|number)$/.test(name) ? '1' : undefined);
        if (value === undefined) complete = false;
        return encodeURIComponent(value ?? '');
      });
      if (!complete) continue;
      const response = await send(t, { method: 'GET', url, headers: { cookie } });
      if (response.statusCode === 200 && String(response.headers['content-type']).includes('json'))
        harvestIds(pool, JSON.parse(response.body), idNameOfPath(op.path));
    }
  }
}
