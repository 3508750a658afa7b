import { type APIRequestContext, type APIResponse, type BrowserContext, request } from 'playwright-core';
import { baseUrl } from './browser.js';
import { DEMO_PASSWORD } from './demo.js';

// Shortcuts through the HTTP API for what a spec needs but is not about: logging in before a page
// that is under test, creating a colleague, reading a link from the outbox.

interface MeMembership {
  orgId: string;
  orgName: string;
  role: string;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: 'ja' | 'en';
  memberships: MeMembership[];
}

interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  revealable: boolean;
}

async function readJson<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) {
    throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** A signed-in API client (cookies kept like a browser's); dispose() when done. */
export class ApiSession {
  constructor(readonly http: APIRequestContext) {}

  async get<T>(path: string): Promise<T> {
    return readJson<T>(await this.http.get(path), `GET ${path}`);
  }

  async post<T>(path: string, data: unknown): Promise<T> {
    return readJson<T>(await this.http.post(path, { data }), `POST ${path}`);
  }

  async patch<T>(path: string, data: unknown): Promise<T> {
    return readJson<T>(await this.http.patch(path, { data }), `PATCH ${path}`);
  }

  async delete<T>(path: string): Promise<T> {
    return readJson<T>(await this.http.delete(path, { data: {} }), `DELETE ${path}`);
  }

  me(): Promise<Me> {
    return this.get<Me>('/api/auth/me');
  }

  /** The id of an organisation this person belongs to, by its name. */
  async orgId(orgName: string): Promise<string> {
    const me = await this.me();
    const membership = me.memberships.find((m) => m.orgName === orgName);
    if (!membership) throw new Error(`${me.email} is not a member of ${orgName}.`);
    return membership.orgId;
  }

  dispose(): Promise<void> {
    return this.http.dispose();
  }
}

export async function anonymousApi(): Promise<ApiSession> {
  return new ApiSession(await request.newContext({ baseURL: baseUrl() }));
}

export async function apiAs(email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const session = await anonymousApi();
  await session.post('/api/auth/login', { email, password });
  return session;
}

/** Logs a browser context in without the login form, for specs whose subject is another page. */
export async function logInContext(context: BrowserContext, email: string, password = DEMO_PASSWORD): Promise<Me> {
  return readJson<Me>(
    await context.request.post('/api/auth/login', { data: { email, password } }),
    `log in as ${email}`,
  );
}

/** Who a browser context is signed in as, read through its own cookies (null when nobody). */
export async function sessionOf(context: BrowserContext): Promise<Me | null> {
  const { me } = await readJson<{ me: Me | null }>(
    await context.request.get('/api/auth/session'),
    'GET /api/auth/session',
  );
  return me;
}

/**
 * The first link to `pathPrefix` in the newest mail to `to` in an organisation's outbox. Polls a
 * little: delivery to the outbox happens right after the request that caused it.
 */
export async function findMailLink(
  reader: ApiSession,
  orgId: string,
  to: string,
  pathPrefix: '/invite/' | '/reset-password/',
): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = await reader.get<OutboxMail[]>(`/api/orgs/${orgId}/outbox?limit=100`);
    const mail = mails.find((m) => m.to === to && m.text.includes(pathPrefix));
    // The outbox hides the link; without SMTP an admin opens it on the record, as the page does.
    const text = mail?.revealable
      ? (await reader.post<{ text: string }>(`/api/orgs/${orgId}/outbox/${mail.id}/reveal`, {})).text
      : '';
    const link = text.match(new RegExp(`https?://\\S+${pathPrefix}\\S+`))?.[0];
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} with a ${pathPrefix} link in the outbox.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface NewMember {
  email: string;
  displayName: string;
  password: string;
  role: 'org_admin' | 'facilitator' | 'manager' | 'staff';
}

/** Someone new in the organisation, invited by `admin` and signed up through the invitation link. */
export async function createMember(admin: ApiSession, orgId: string, member: NewMember): Promise<void> {
  await admin.post(`/api/orgs/${orgId}/invitations`, {
    email: member.email,
    role: member.role,
    position: member.role === 'staff' ? 'staff' : 'other',
  });
  const link = await findMailLink(admin, orgId, member.email, '/invite/');
  const token = new URL(link).pathname.split('/').pop() ?? '';
  const newcomer = await anonymousApi();
  try {
    await newcomer.post(`/api/invitations/${token}/accept`, {
      displayName: member.displayName,
      password: member.password,
    });
  } finally {
    await newcomer.dispose();
  }
}
