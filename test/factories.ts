import { departments } from '../src/server/db/schema/departments.js';
import { memberships } from '../src/server/db/schema/memberships.js';
import { organizations } from '../src/server/db/schema/organizations.js';
import { sessions } from '../src/server/db/schema/sessions.js';
import { users } from '../src/server/db/schema/users.js';
import { hashPassword } from '../src/server/features/auth/password.js';
import { newId } from '../src/server/lib/ids.js';
import { createToken } from '../src/server/lib/tokens.js';
import type { Position, Role } from '../src/shared/auth/roles.js';
import { computeLgCheckDigit } from '../src/shared/orgs/lg-code.js';
import type { TestApp } from './harness.js';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | null = null;
let sequence = 0;

function uniqueSuffix() {
  sequence += 1;
  return `${process.pid}-${sequence}-${Math.random().toString(36).slice(2, 7)}`;
}

let lgSequence = 0;

/** A fresh valid local government code, unique within the test file (fictional numbers 900–999). */
export function fakeLgCode(): string {
  lgSequence += 1;
  const five = `13${String(900 + (lgSequence % 100)).padStart(3, '0')}`;
  return `${five}${computeLgCheckDigit(five)}`;
}

export async function createOrg(t: TestApp, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const id = newId();
  const now = t.clock.now();
  const row = {
    id,
    kind: 'other' as const,
    name: `組織${uniqueSuffix()}`,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await t.database.db.insert(organizations).values(row);
  return row;
}

export async function createDepartment(
  t: TestApp,
  orgId: string,
  overrides: Partial<typeof departments.$inferInsert> = {},
) {
  const id = newId();
  const now = t.clock.now();
  const row = {
    id,
    orgId,
    name: `部署${uniqueSuffix()}`,
    level: 'division' as const,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await t.database.db.insert(departments).values(row);
  return row;
}

export async function createUser(t: TestApp, overrides: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  const now = t.clock.now();
  const row = {
    id,
    email: `user-${uniqueSuffix()}@example.jp`,
    displayName: `利用者 ${sequence}`,
    passwordHash: await passwordHash,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await t.database.db.insert(users).values(row);
  return row;
}

/** A person with a membership; creates the organisation when none is given. */
export async function createMember(
  t: TestApp,
  options: { orgId?: string; role?: Role; position?: Position; departmentId?: string | null } = {},
) {
  const orgId = options.orgId ?? (await createOrg(t)).id;
  const user = await createUser(t);
  const now = t.clock.now();
  const membership = {
    id: newId(),
    orgId,
    userId: user.id,
    role: options.role ?? ('staff' as Role),
    position: options.position ?? ('staff' as Position),
    departmentId: options.departmentId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await t.database.db.insert(memberships).values(membership);
  return { user, membership, orgId };
}

/** Gives an existing person a membership in another organisation. */
export async function addMembership(
  t: TestApp,
  options: { userId: string; orgId: string; role: Role; position?: Position },
) {
  const now = t.clock.now();
  const membership = {
    id: newId(),
    orgId: options.orgId,
    userId: options.userId,
    role: options.role,
    position: options.position ?? ('other' as Position),
    createdAt: now,
    updatedAt: now,
  };
  await t.database.db.insert(memberships).values(membership);
  return membership;
}

/** Logs in through the API and returns the cookie header to send with later requests. */
export async function logIn(t: TestApp, email: string, password = TEST_PASSWORD, ip = '10.0.0.1'): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kn_session');
  if (!cookie) throw new Error('no session cookie');
  return `kn_session=${cookie.value}`;
}

/**
 * A session cookie for a person without typing the password: for tests that need many people
 * logged in, where a real login each (scrypt) would take most of the time.
 */
export async function sessionFor(t: TestApp, userId: string): Promise<string> {
  const { token, hash } = createToken();
  const now = t.clock.now();
  await t.database.db
    .insert(sessions)
    .values({ id: hash, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 86_400_000) });
  return `kn_session=${token}`;
}

/** An organisation with an admin who is logged in, the usual start of a test. */
export async function createOrgWithAdmin(t: TestApp, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const org = await createOrg(t, overrides);
  const admin = await createMember(t, { orgId: org.id, role: 'org_admin', position: 'subsection_chief' });
  return { org, admin, cookie: await logIn(t, admin.user.email) };
}
