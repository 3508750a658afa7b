import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CatalogRoute } from '../src/server/plugins/auth.js';
import type { TestApp } from './harness.js';
import {
  type Answer,
  type Body,
  createTenant,
  type Made,
  type RawBody,
  type RouteKey,
  send,
  type TenancyFixture,
  type Tenant,
} from './tenancy.js';

/**
 * The tenancy test's machinery: the features' fixtures merged into one set of declarations, and
 * the requests it makes of a route for one organisation's values and callers.
 */

export type World = Tenant & Made;

/** A route's URL with each `:name` replaced by the value given for it. */
export function fillRoute(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${url}`);
    return encodeURIComponent(value);
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A value of the same shape as the one given that names nothing: a fresh id, or a token never issued. */
export function missingLike(value: string): string {
  if (uuidPattern.test(value)) return randomUUID();
  return randomBytes(value.length).toString('base64url').slice(0, value.length);
}

/** The fixtures' declarations merged (one route or name declared by two features is a mistake), and the probes they make. */
export function tenancyProbes(fixtures: Record<string, TenancyFixture>) {
  function collect<T>(pick: (f: TenancyFixture) => Partial<Record<string, T>> | undefined): Record<string, T> {
    const merged: Record<string, T> = {};
    for (const [feature, fixture] of Object.entries(fixtures)) {
      for (const [key, value] of Object.entries(pick(fixture) ?? {})) {
        if (key in merged) throw new Error(`${feature}: ${key} is declared by another fixture too`);
        merged[key] = value as T;
      }
    }
    return merged;
  }
  const bodies = collect<Body>((f) => f.bodies);
  const callers = collect<string>((f) => f.callers);
  const ordinals = collect<string>((f) => f.ordinals);
  const references = collect<string>((f) => f.references);
  const queries = collect<(values: Record<string, string>) => string>((f) => f.queries);
  const allowedWith = collect<Record<string, string>>((f) => f.allowedWith);
  const callerOnly = collect<string>((f) => f.callerOnly);
  const rules = Object.entries(fixtures).flatMap(([feature, f]) => (f.rules ?? []).map((rule) => ({ feature, rule })));
  const routesOfRules = (flag: 'instead' | 'allows') =>
    new Set<string>(rules.filter((r) => r.rule[flag]).flatMap((r) => r.rule.routes));
  const keyOf = (route: CatalogRoute) => `${route.method} ${route.url}` as RouteKey;
  const isWrite = (route: CatalogRoute) => route.method !== 'GET';

  function bodyOf(route: CatalogRoute, values: Record<string, string>): object | RawBody | undefined {
    if (!isWrite(route)) return undefined;
    const body = bodies[keyOf(route)] ?? {};
    return typeof body === 'function' ? body(values) : body;
  }

  return {
    bodies,
    callers,
    ordinals,
    references,
    queries,
    allowedWith,
    callerOnly,
    rules,
    /** Routes keyed by a secret: their rule is their whole check. */
    ruledInstead: routesOfRules('instead'),
    /** Routes whose allowed side their rule checks, with data it makes. */
    allowedByRule: routesOfRules('allows'),
    keyOf,
    isWrite,

    /** Makes an organisation with every fixture's data, in the registry's order. */
    async setUpWorld(t: TestApp, label: string, shared: Record<string, string>): Promise<World> {
      const tenant = await createTenant(t, label);
      const made: Made = { values: {}, callers: { ...shared } };
      for (const [feature, fixture] of Object.entries(fixtures)) {
        const part = (await fixture.setUp?.(t, tenant, made)) ?? {};
        for (const kind of ['values', 'callers'] as const) {
          for (const [name, value] of Object.entries(part[kind] ?? {})) {
            if (name in made[kind]) throw new Error(`${feature}: ${kind} ${name} is made by another fixture too`);
            made[kind][name] = value;
          }
        }
      }
      return { ...tenant, ...made };
    },

    /** Parameters that name an organisation's row by themselves (not a number within another, not reference data). */
    idParams: (route: CatalogRoute) => route.params.filter((p) => !(p in ordinals) && !(p in references)),

    /** The values a route's body and query string are made of (path parameters aside), found by letting them read them. */
    valuesUsedBy(route: CatalogRoute, values: Record<string, string>): string[] {
      const used = new Set<string>();
      const reader = {
        get(target: Record<string, string>, name: string) {
          used.add(name);
          return target[name];
        },
      };
      const body = bodies[keyOf(route)];
      if (typeof body === 'function') body(new Proxy(values, reader));
      queries[keyOf(route)]?.(new Proxy(values, reader));
      return [...used].filter((name) => !route.params.includes(name));
    },

    /** Whom a route is for in an organisation: its admin, or the caller its fixture names. */
    callerOf(route: CatalogRoute, world: World): string {
      const name = callers[keyOf(route)];
      return name ? (world.callers[name] ?? '') : world.cookie;
    },

    /** One organisation's values that the other's differ from: what must never show in the other's answers. */
    ownValues: (world: World, other: World) =>
      Object.entries(world.values)
        .filter(([name, value]) => !(name in ordinals) && !(name in references) && other.values[name] !== value)
        .map(([, value]) => value),

    /** An organisation's values as whom a route is for uses them there. */
    ownValuesFor(route: CatalogRoute, world: World): Record<string, string> {
      const instead = Object.entries(allowedWith[keyOf(route)] ?? {}).map(([param, name]) => [
        param,
        world.values[name] ?? '',
      ]);
      return { ...world.values, ...Object.fromEntries(instead) };
    },

    /** Calls a route with these values in its path, query string and body. */
    call(t: TestApp, route: CatalogRoute, values: Record<string, string>, cookie: string | undefined): Promise<Answer> {
      const query = queries[keyOf(route)]?.(values);
      const url = fillRoute(route.url, values) + (query ? `?${query}` : '');
      return send(t, { method: route.method, url, cookie, body: bodyOf(route, values) });
    },
  };
}

/** Runs a probe per item and gathers those answered otherwise than expected, so one failure names them all. */
export async function expectEach<T>(items: T[], probe: (item: T) => Promise<string | null>) {
  const wrong: string[] = [];
  for (const item of items) {
    const problem = await probe(item);
    if (problem) wrong.push(problem);
  }
  expect(wrong).toEqual([]);
}

/** A route and what it answered, for a failure's message. */
export const answered = (key: string, answer: Answer) => `${key} → ${answer.status} ${answer.code ?? ''}`.trim();
