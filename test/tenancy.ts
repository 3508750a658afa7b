import type { Readable } from 'node:stream';
import { createDepartment, createMember, createOrgWithAdmin, logIn } from './factories.js';
import type { TestApp } from './harness.js';

/**
 * What the tenancy test (src/server/plugins/tenancy.test.ts) asks of each feature: its file
 * `<feature>.fixtures.ts` makes the feature's data in an organisation and names the values of the
 * path parameters its routes take, the bodies of its writes, who its routes are for when that is
 * not the organisation's admin, and the rules of the routes that are meant to reach across
 * organisations.
 */

/** A route as the catalogue names it, e.g. `GET /api/orgs/:orgId/cases/:caseId`. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`;

/** One organisation of the test: its admin and a staff member of its one department, both signed in. */
export interface Tenant {
  label: string;
  org: { id: string; name: string };
  admin: Awaited<ReturnType<typeof createMember>>;
  cookie: string;
  department: { id: string; name: string };
  staff: Awaited<ReturnType<typeof createMember>>;
  staffCookie: string;
}

/** What the fixtures made in one organisation so far. */
export interface Made {
  /**
   * Named values of the organisation's data: every path parameter's (`caseId`, `token`…) and
   * others the bodies, query strings and rules use. None that differs from the other
   * organisation's may appear in what the other reads.
   */
  values: Record<string, string>;
  /** Cookie headers of the people some routes are for (a plan's facilitator, a workshop participant). */
  callers: Record<string, string>;
}

/** A request body that is not JSON (a multipart upload), with its content type. */
export interface RawBody {
  raw: Buffer;
  contentType: string;
}

/** A write's body: fixed, or made from the values of the organisation the request names. */
export type Body = object | RawBody | ((values: Record<string, string>) => object | RawBody);

export interface TenancyFixture {
  /** Makes the feature's data in the tenant; `made` holds what the fixtures before it made. */
  setUp?(t: TestApp, tenant: Tenant, made: Made): Promise<Partial<Made>>;
  /**
   * Path parameters that count within another one (a plan's version 1 within its plan): they name
   * nothing by themselves, so the parameter they count within must be in the same route.
   */
  ordinals?: Record<string, string>;
  /** Path parameters that name shared reference data, not an organisation's, and why. */
  references?: Record<string, string>;
  /** A body for each write of the feature, valid enough that the tenancy decides the answer. */
  bodies?: Partial<Record<RouteKey, Body>>;
  /** Routes that are for someone other than the organisation's admin: the caller's name in `Made.callers`. */
  callers?: Partial<Record<RouteKey, string>>;
  /**
   * Writes that take no id and act on the caller alone (their session, their account), and why:
   * they name nothing of another organisation, so they are not probed.
   */
  callerOnly?: Partial<Record<RouteKey, string>>;
  /** Query strings of reads, made from the values: a filter by an id is probed like a body's id. */
  queries?: Partial<Record<RouteKey, (values: Record<string, string>) => string>>;
  /**
   * Routes whose own caller takes other values than the fixture's first ones: for each parameter,
   * the name of the value it takes instead (a second import to discard, the first being committed).
   */
  allowedWith?: Partial<Record<RouteKey, Record<string, string>>>;
  /** Routes meant to reach across organisations (or keyed by a secret), each rule checked by its own probes. */
  rules?: TenancyRule[];
}

export interface TenancyRule {
  /** The rule in one sentence; it names the test. */
  rule: string;
  /** The routes the rule is about. */
  routes: RouteKey[];
  /**
   * The rule is the routes' whole check: they are keyed by a secret the holder is given (a link's
   * token), not by an id the other organisation must not reach, so the probes of ids do not apply.
   */
  instead?: true;
  /**
   * The rule is the routes' allowed side: whom they are for needs data the rule makes (a case
   * published to the public), so the generic probes only check that others are refused.
   */
  allows?: true;
  check(world: TenancyWorld): Promise<void>;
}

export interface TenancyWorld {
  t: TestApp;
  a: Tenant & Made;
  b: Tenant & Made;
}

/** An organisation with an admin and a staff member in its one department, both signed in. */
export async function createTenant(t: TestApp, label: string): Promise<Tenant> {
  const { org, admin, cookie } = await createOrgWithAdmin(t, { name: `テナント${label}` });
  const department = await createDepartment(t, org.id, { name: `${label}部` });
  const staff = await createMember(t, { orgId: org.id, role: 'staff', departmentId: department.id });
  return { label, org, admin, cookie, department, staff, staffCookie: await logIn(t, staff.user.email) };
}

export interface Answer {
  status: number;
  /** The problem's code, for an error. */
  code: string | null;
  /** The body as text; empty for a live stream, which is closed once it has answered. */
  text: string;
  stream: boolean;
  headers: Record<string, unknown>;
}

/**
 * Sends one request and reads its answer, also when the answer is a live stream that never ends
 * (it is read up to its headers and then closed), so no probe can hang.
 */
export async function send(
  t: TestApp,
  request: { method: string; url: string; cookie?: string | undefined; body?: object | RawBody | undefined },
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (request.cookie) headers.cookie = request.cookie;
  let payload: string | Buffer | object | undefined = request.body;
  if (request.body && 'raw' in request.body && Buffer.isBuffer(request.body.raw)) {
    payload = request.body.raw;
    headers['content-type'] = request.body.contentType;
  }
  const response = await t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers,
    ...(payload === undefined ? {} : { payload }),
    payloadAsStream: true,
  });
  const type = String(response.headers['content-type'] ?? '');
  const stream = type.startsWith('text/event-stream');
  let text = '';
  if (stream) (response.raw.res as unknown as { destroy(): void }).destroy();
  else text = await readAll(response.stream());
  let code: string | null = null;
  if (response.statusCode >= 400 && type.includes('json')) {
    try {
      code = (JSON.parse(text) as { code?: string }).code ?? null;
    } catch {
      code = null;
    }
  }
  return { status: response.statusCode, code, text, stream, headers: response.headers };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The cookie header of the cookies an answer set (a participant's, after joining). */
export function cookieFrom(response: { cookies: { name: string; value: string }[] }): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
