import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrg, logIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { send, type TenancyFixture } from '../../../test/tenancy.js';
import { answered, expectEach, missingLike, tenancyProbes, type World } from '../../../test/tenancy-probes.js';
import { hasPermission } from '../../shared/auth/permissions.js';
import { departments } from '../db/schema/departments.js';
import { memberships } from '../db/schema/memberships.js';
import { organizations } from '../db/schema/organizations.js';
import { auditFixture } from '../features/audit/audit.fixtures.js';
import { authFixture } from '../features/auth/auth.fixtures.js';
import { careerFixture } from '../features/career/career.fixtures.js';
import { caseImportFixture } from '../features/case-import/case-import.fixtures.js';
import { caseStatsFixture } from '../features/case-stats/case-stats.fixtures.js';
import { casesFixture } from '../features/cases/cases.fixtures.js';
import { departmentsFixture } from '../features/departments/departments.fixtures.js';
import { localGovernmentsFixture } from '../features/local-governments/local-governments.fixtures.js';
import { membersFixture } from '../features/members/members.fixtures.js';
import { orgsFixture } from '../features/orgs/orgs.fixtures.js';
import { planDraftsFixture } from '../features/plan-drafts/plan-drafts.fixtures.js';
import { plansFixture } from '../features/plans/plans.fixtures.js';
import { roundsFixture } from '../features/rounds/rounds.fixtures.js';
import { sceneGridFixture } from '../features/scene-grid/scene-grid.fixtures.js';
import { sheetsFixture } from '../features/sheets/sheets.fixtures.js';
import { presentationEventsFixture } from '../features/workshops/presentation-events.fixtures.js';
import { workshopsFixture } from '../features/workshops/workshops.fixtures.js';
import type { CatalogRoute } from './auth.js';

/**
 * Proves for every route the app registers that people of organisation B cannot read or change
 * organisation A's data, while A's own people (the admin, or whom the route is for) can.
 *
 * The routes come from the app's catalogue with their declared access and path parameters. Each
 * feature's `<feature>.fixtures.ts` makes its data in both organisations and names the value of
 * every parameter; a parameter no fixture names fails the first test, and so does a write with
 * neither a sample body nor a reason to act on the caller alone. The rules, by kind of route:
 * - `:orgId` routes: A's answer 404 to B's admin and staff and to the platform admin; each of A's
 *   other ids under B's own organisation is answered as an id that does not exist.
 * - Routes outside organisations that take an id: 404 for A's id to B's people, signed in or not.
 * - Ids in bodies and query strings: answered under B exactly as ids that do not exist.
 * - Every read, with ids or without (lists, searches, `/api/me/…`): what B reads of its own names
 *   none of A's values, and what A reads names none of B's.
 * - Routes meant to reach across organisations, or keyed by a secret (public and network cases,
 *   plans and career maps shared with facilitators, a workshop's code, invitation and round links),
 *   are rules in their feature's fixtures, each checked by its own probes.
 */

/** Every feature's fixtures, in the order they are made (later ones use earlier ones' values). */
const fixtures: Record<string, TenancyFixture> = {
  auth: authFixture,
  orgs: orgsFixture,
  departments: departmentsFixture,
  members: membersFixture,
  sheets: sheetsFixture,
  rounds: roundsFixture,
  'plan-drafts': planDraftsFixture,
  cases: casesFixture,
  'case-import': caseImportFixture,
  'case-stats': caseStatsFixture,
  'scene-grid': sceneGridFixture,
  workshops: workshopsFixture,
  'presentation-events': presentationEventsFixture,
  plans: plansFixture,
  career: careerFixture,
  'local-governments': localGovernmentsFixture,
  audit: auditFixture,
};

const probes = tenancyProbes(fixtures);
const { bodies, callerOnly, keyOf, isWrite, idParams, ordinals, references, rules, callerOf, ownValues, ownValuesFor } =
  probes;
const namedCallers = probes.callers;

let t: TestApp;
let a: World;
let b: World;
/** The NPO office's administrator: manages the registry, reads no organisation it is not a member of. */
let platform: string;

beforeAll(async () => {
  t = await createTestApp();
  const npo = await createOrg(t, { name: 'NPO事務局', isPlatform: true });
  const officer = await createMember(t, { orgId: npo.id, role: 'platform_admin', position: 'other' });
  platform = await logIn(t, officer.user.email);
  a = await probes.setUpWorld(t, 'A', { platform });
  b = await probes.setUpWorld(t, 'B', { platform });
});
afterAll(() => t.close());

const catalog = () => t.app.accessCatalog;
/** Routes the generic probes cover: all but those keyed by a secret, which their rules check. */
const probed = () => catalog().filter((r) => !probes.ruledInstead.has(keyOf(r)));
const call = (route: CatalogRoute, values: Record<string, string>, cookie: string | undefined) =>
  probes.call(t, route, values, cookie);

describe('the route catalogue', () => {
  it('gives every path parameter of every route a fixture', () => {
    const problems: string[] = [];
    for (const route of catalog()) {
      for (const param of route.params) {
        const key = keyOf(route);
        if (a.values[param] === undefined || b.values[param] === undefined) {
          problems.push(`${key}: no fixture gives :${param}`);
          continue;
        }
        const parent = ordinals[param];
        if (parent && !route.params.includes(parent)) problems.push(`${key}: :${param} counts within :${parent}`);
        if (!(param in ordinals) && !(param in references) && a.values[param] === b.values[param])
          problems.push(`${key}: :${param} is the same in both organisations; declare it an ordinal or a reference`);
      }
    }
    expect(problems).toEqual([]);
    expect(catalog().length).toBeGreaterThan(100);
  });

  it('has a body for every write it probes, and each name it declares exists', () => {
    const keys = new Set<string>(catalog().map(keyOf));
    const problems: string[] = [];
    for (const route of probed()) {
      const key = keyOf(route);
      if (route.access.kind === 'org' && !route.params.includes('orgId'))
        problems.push(`${key}: org route without :orgId`);
      if (route.access.kind !== 'org' && route.params.includes('orgId'))
        problems.push(`${key}: :orgId outside org access`);
      if (isWrite(route) && !(key in bodies) && !(key in callerOnly))
        problems.push(`${key}: no sample body, and not declared to act on the caller alone`);
    }
    const declared = [bodies, namedCallers, callerOnly, probes.queries, probes.allowedWith].flatMap((d) =>
      Object.keys(d),
    );
    for (const key of [...declared, ...rules.flatMap((r) => r.rule.routes)])
      if (!keys.has(key)) problems.push(`${key}: declared by a fixture, not in the catalogue`);
    for (const key of Object.keys(callerOnly)) {
      const route = catalog().find((r) => keyOf(r) === key);
      if (route && (route.params.length > 0 || route.access.kind === 'org'))
        problems.push(`${key}: takes an id, so it is probed rather than acting on the caller alone`);
    }
    for (const [key, name] of Object.entries(namedCallers))
      if (!a.callers[name] || !b.callers[name]) problems.push(`${key}: no fixture signs in the caller ${name}`);
    expect(problems).toEqual([]);
  });
});

describe('people outside organisation A', () => {
  it('get 404 on every organisation route that names A (B’s admin and staff, the platform admin); anonymous callers 401', async () => {
    const routes = probed().filter((r) => r.access.kind === 'org');
    await expectEach(routes, async (route) => {
      for (const [who, cookie] of [
        ["B's admin", b.cookie],
        ["B's staff", b.staffCookie],
        ['the platform admin', platform],
      ]) {
        const answer = await call(route, a.values, cookie);
        if (answer.status !== 404 || answer.code !== 'not_found') return `${answered(keyOf(route), answer)}, by ${who}`;
      }
      const anonymous = await call(route, a.values, undefined);
      return anonymous.status === 401 ? null : `anonymous ${answered(keyOf(route), anonymous)}`;
    });
  });

  it("answer A's ids under B's own organisation as ids that do not exist (404 for B's admin), one parameter at a time", async () => {
    const pairs = probed()
      .filter((r) => r.access.kind === 'org')
      .flatMap((route) => idParams(route).flatMap((param) => (param === 'orgId' ? [] : [{ route, param }])));
    expect(pairs.length).toBeGreaterThan(50);
    await expectEach(pairs, async ({ route, param }) => {
      const theirs = { ...b.values, [param]: a.values[param] ?? '' };
      const key = `${keyOf(route)} with A's :${param}`;
      const byAdmin = await call(route, theirs, b.cookie);
      if (byAdmin.status !== 404 || byAdmin.code !== 'not_found') return `${answered(key, byAdmin)}, by B's admin`;
      // B's staff may be refused on B's own data first (403, or a case they may not change): the
      // same answer as for an id that does not exist.
      const byStaff = await call(route, theirs, b.staffCookie);
      const missing = await call(route, { ...theirs, [param]: missingLike(theirs[param] ?? '') }, b.staffCookie);
      return byStaff.status === missing.status && byStaff.code === missing.code && byStaff.status >= 400
        ? null
        : `${answered(key, byStaff)}, by B's staff, and for a missing id ${missing.status} ${missing.code ?? ''}`;
    });
  });

  it("get 404 for A's ids on routes outside organisations (signed in or not), 401 where a session is needed", async () => {
    const routes = probed().filter((r) => r.access.kind !== 'org' && idParams(r).length > 0);
    expect(routes.length).toBeGreaterThan(10);
    await expectEach(routes, async (route) => {
      const name = namedCallers[keyOf(route)];
      const strangers: [string, string | undefined][] = [
        ["B's admin", b.cookie],
        ["B's staff", b.staffCookie],
        ['the platform admin', platform],
        ...(name ? [[`B's ${name}`, b.callers[name]] as [string, string | undefined]] : []),
      ];
      for (const [who, cookie] of strangers) {
        const answer = await call(route, a.values, cookie);
        if (answer.status !== 404) return `${answered(keyOf(route), answer)}, by ${who}`;
      }
      // One parameter at a time among B's own values, with the caller B's route is for.
      for (const param of idParams(route)) {
        if (route.params.length < 2) break;
        const answer = await call(
          route,
          { ...ownValuesFor(route, b), [param]: a.values[param] ?? '' },
          callerOf(route, b),
        );
        if (answer.status !== 404) return answered(`${keyOf(route)} with A's :${param}`, answer);
      }
      const anonymous = await call(route, a.values, undefined);
      const expected = route.access.kind === 'public' ? 404 : 401;
      return anonymous.status === expected ? null : `anonymous ${answered(keyOf(route), anonymous)}`;
    });
  });

  it('get 403 on platform routes; anonymous callers 401', async () => {
    const routes = probed().filter((r) => r.access.kind === 'platform');
    expect(routes.length).toBeGreaterThan(0);
    await expectEach(routes, async (route) => {
      for (const [cookie, expected] of [
        [b.cookie, 403],
        [b.staffCookie, 403],
        [undefined, 401],
      ] as const) {
        const answer = await call(route, a.values, cookie);
        if (answer.status !== expected) return answered(keyOf(route), answer);
      }
      return null;
    });
  });

  it("answer A's ids in bodies and query strings under B exactly as ids that do not exist", async () => {
    const foreign = ownValues(a, b);
    const pairs = probed().flatMap((route) =>
      probes
        .valuesUsedBy(route, ownValuesFor(route, b))
        .filter((name) => foreign.includes(a.values[name] ?? ''))
        .map((name) => ({ route, name })),
    );
    expect(pairs.length).toBeGreaterThan(25);
    await expectEach(pairs, async ({ route, name }) => {
      const key = `${keyOf(route)} with A's ${name}`;
      const own = ownValuesFor(route, b);
      const theirs = a.values[name] ?? '';
      const missingId = missingLike(theirs);
      const answer = await call(route, { ...own, [name]: theirs }, callerOf(route, b));
      const missing = await call(route, { ...own, [name]: missingId }, callerOf(route, b));
      // A read says the same of A's id as of an id that does not exist, to the letter.
      const plain = (text: string) =>
        text
          .replaceAll(theirs, '<id>')
          .replaceAll(missingId, '<id>')
          .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<time>');
      if (
        answer.status !== missing.status ||
        answer.code !== missing.code ||
        plain(answer.text) !== plain(missing.text)
      )
        return `${answered(key, answer)}, and for a missing id ${missing.status} ${missing.code ?? ''}`;
      if (!isWrite(route)) return null;
      // A write is refused for the id, not for something else: with B's own value it is taken.
      const control = await call(route, own, callerOf(route, b));
      return answer.status >= 400 && control.status !== answer.status
        ? null
        : `${answered(key, answer)}, and with B's own ${name} ${control.status} ${control.code ?? ''}`;
    });
  });

  it('read nothing of A in what they read of their own, with or without ids (lists, searches, /api/me…)', async () => {
    // The platform's registry is nobody's own: the orgs rule says what it shows.
    const routes = probed().filter((r) => !isWrite(r) && r.access.kind !== 'platform');
    const foreign = ownValues(a, b);
    await expectEach(routes, async (route) => {
      const callers: [string, string | undefined][] = [['whom it is for', callerOf(route, b)]];
      if (route.access.kind === 'public') callers.push(['anonymous', undefined]);
      if (route.access.kind === 'org' && hasPermission('staff', route.access.permission))
        callers.push(["B's staff", b.staffCookie]);
      for (const [who, cookie] of callers) {
        const answer = await call(route, ownValuesFor(route, b), cookie);
        const leaked = foreign.find((value) => answer.text.includes(value));
        if (leaked) return `${answered(keyOf(route), answer)}, by ${who}, names A's ${leaked}`;
      }
      return null;
    });
  });

  it("left A's data as it was", async () => {
    const [org] = await t.database.db.select().from(organizations).where(eq(organizations.id, a.org.id));
    expect(org?.name).toBe('テナントA');
    const [department] = await t.database.db.select().from(departments).where(eq(departments.id, a.department.id));
    expect(department?.name).toBe('A部');
    const [membership] = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.id, a.staff.membership.id));
    expect(membership).toMatchObject({ role: 'staff', departmentId: a.department.id });
    const read = (url: string) => send(t, { method: 'GET', url: `/api/orgs/${a.org.id}${url}`, cookie: a.cookie });
    expect((await read('/invitations')).text).toContain(a.values.invitationId);
    expect(JSON.parse((await read('/departments')).text).map((d: { name: string }) => d.name)).toEqual(['A部']);
    const grid = JSON.parse((await read('/scene-grid')).text);
    expect(grid.stages.every((s: { renamed: boolean }) => !s.renamed)).toBe(true);
    const kaizen = JSON.parse((await read(`/cases/${a.values.caseId}`)).text);
    expect(kaizen).toMatchObject({ title: 'Aの窓口改善', status: 'published' });
    expect(kaizen.attachments.map((f: { id: string }) => f.id)).toEqual([a.values.attachmentId]);
    expect((await read(`/rounds/${a.values.roundId}`)).status).toBe(200);
    expect(JSON.parse((await read(`/plans/${a.values.planId}`)).text).comments).toEqual([]);
  });
});

describe('organisation A on its own data', () => {
  it('reads every route as whom it is for (streams open), and nothing of B in it', async () => {
    const routes = probed().filter((r) => !isWrite(r) && !probes.allowedByRule.has(keyOf(r)));
    const foreign = ownValues(b, a);
    await expectEach(routes, async (route) => {
      const answer = await call(route, ownValuesFor(route, a), callerOf(route, a));
      if (answer.status !== 200) return answered(keyOf(route), answer);
      if (route.access.kind === 'platform') return null;
      const leaked = foreign.find((value) => answer.text.includes(value));
      return leaked ? `${keyOf(route)} names B's ${leaked}` : null;
    });
  });

  it('staff get 403 on routes that need a permission staff lack, and 200 on the reads they have', async () => {
    const routes = probed().filter((r) => r.access.kind === 'org' && !namedCallers[keyOf(r)]);
    await expectEach(routes, async (route) => {
      if (route.access.kind !== 'org') return null;
      const allowed = hasPermission('staff', route.access.permission);
      if (allowed && isWrite(route)) return null;
      const answer = await call(route, ownValuesFor(route, a), a.staffCookie);
      return answer.status === (allowed ? 200 : 403) ? null : answered(keyOf(route), answer);
    });
  });
});

describe('routes meant to reach across organisations, each by its rule', () => {
  for (const { feature, rule } of rules) {
    it(`${feature}: ${rule.rule}`, () => rule.check({ t, a, b }));
  }
});

describe('organisation A writing its own data', () => {
  it('has every write judged on its merits for whom it is for: none refused as a stranger or unauthorised', async () => {
    // Removals last and deepest first, so each finds what it removes.
    const depth = (route: CatalogRoute) => route.url.split('/').length;
    const writes = probed()
      .filter((r) => isWrite(r) && !probes.allowedByRule.has(keyOf(r)))
      .sort(
        (x, y) =>
          Number(x.method === 'DELETE') - Number(y.method === 'DELETE') ||
          (x.method === 'DELETE' ? depth(y) - depth(x) : 0),
      );
    await expectEach(writes, async (route) => {
      if (!(keyOf(route) in bodies)) return null;
      const answer = await call(route, ownValuesFor(route, a), callerOf(route, a));
      return [401, 403, 404].includes(answer.status) ? answered(keyOf(route), answer) : null;
    });
  });
});
