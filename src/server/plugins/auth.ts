import { and, eq, gt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission, type Permission } from '../../shared/auth/permissions.js';
import type { Role } from '../../shared/auth/roles.js';
import type { Db } from '../db/client.js';
import { memberships } from '../db/schema/memberships.js';
import { sessions } from '../db/schema/sessions.js';
import { AppError } from '../lib/app-error.js';
import type { Actor, OrgContext, OrgScope, ServiceContext } from '../lib/context.js';
import { hashToken } from '../lib/tokens.js';

/** Who may call a route. Every route under /api declares one; the server refuses to start otherwise. */
export type Access =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'org'; permission: Permission }
  | { kind: 'platform' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access and path parameters, for the cross-tenant test and the docs. */
    accessCatalog: CatalogRoute[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    scope: OrgScope | null;
  }
}

/** A route of the access catalogue: `params` are the names of its path parameters, in order. */
export interface CatalogRoute {
  method: string;
  url: string;
  access: Access;
  params: string[];
}

/** The path parameters a route pattern takes (`:caseId`, and `*` for a wildcard), in order. */
const pathParamsOf = (url: string): string[] =>
  [...url.matchAll(/:([A-Za-z0-9_]+)|\*/g)].map((match) => match[1] ?? '*');

export const SESSION_COOKIE = 'kn_session';
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthDeps {
  db: Db;
  now: () => Date;
}

async function loadSession(db: Db, token: string, now: Date) {
  const id = hashToken(token);
  // One round trip per request: the session and whether its person is a platform administrator.
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      lastSeenAt: sessions.lastSeenAt,
      // Written out with table names: drizzle leaves columns unqualified inside a select's sql.
      isPlatformAdmin: sql<boolean>`exists (
        select 1 from memberships m join organizations o on o.id = m.org_id
        where m.user_id = ${sessions}.user_id and m.role = 'platform_admin' and o.is_platform)`.mapWith(Boolean),
    })
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return row;
}

function mintScope(orgId: string, role: Role, membershipId: string): OrgScope {
  return { orgId, role, membershipId } as OrgScope;
}

/** Cross-site form posts cannot carry our JSON, but a browser's Origin header settles it for every write. */
function isCrossSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * The single place where access is decided: reads the session cookie, checks the route's
 * declared access, and for organisation routes mints the OrgScope that repos require.
 * A caller who is not a member of the organisation gets 404, so ids of other tenants reveal nothing.
 */
export function registerAuth(app: FastifyInstance, deps: AuthDeps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('scope', null);

  const catalog: CatalogRoute[] = [];
  app.decorate('accessCatalog', catalog);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api')) return;
    if (url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: { kind: 'public' } };
      return;
    }
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${url} declares no access`);
    const params = pathParamsOf(url);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalog.push({ method: String(method), url, access, params });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(deps.db, token, deps.now());
      if (session) {
        request.sessionId = session.id;
        request.actor = { userId: session.userId, isPlatformAdmin: session.isPlatformAdmin };
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    // A change that carries who the caller is (a session, or a workshop participant's cookie) must
    // come from this site's own pages.
    const participant = Object.keys(request.cookies ?? {}).some((name) => name.startsWith('kn_ws_'));
    if ((request.actor || participant) && unsafeMethods.has(request.method) && isCrossSite(request)) {
      throw new AppError('csrf');
    }
    if (access.kind === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated');
    if (access.kind === 'user') return;
    if (access.kind === 'platform') {
      if (!request.actor.isPlatformAdmin) throw new AppError('forbidden');
      return;
    }
    const orgId = (request.params as Record<string, string> | undefined)?.orgId;
    if (!orgId || !uuidPattern.test(orgId)) throw new AppError('not_found');
    const [membership] = await deps.db
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, request.actor.userId)))
      .limit(1);
    if (!membership) throw new AppError('not_found');
    if (!hasPermission(membership.role, access.permission)) throw new AppError('forbidden');
    request.scope = mintScope(orgId, membership.role, membership.id);
  });
}

/** The service context of a request, for routes that need no organisation. */
export function serviceContext(request: FastifyRequest, deps: AuthDeps): ServiceContext {
  return { db: deps.db, actor: request.actor, ip: request.ip ?? null, now: deps.now };
}

/** The service context of an organisation route; only valid after the auth hook minted the scope. */
export function orgContext(request: FastifyRequest, deps: AuthDeps): OrgContext {
  if (!request.actor || !request.scope) throw new AppError('unauthenticated');
  return { db: deps.db, actor: request.actor, scope: request.scope, ip: request.ip ?? null, now: deps.now };
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** Whether a cookie is Secure: when served over TLS, unless COOKIE_SECURE says always or never. */
export function isCookieSecure(request: FastifyRequest, cookieSecure: 'auto' | 'true' | 'false'): boolean {
  return cookieSecure === 'auto' ? request.protocol === 'https' : cookieSecure === 'true';
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when served over TLS (or COOKIE_SECURE=true). */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookieSecure: 'auto' | 'true' | 'false',
  session: { token: string; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isCookieSecure(request, cookieSecure),
    expires: session.expiresAt,
  });
}
