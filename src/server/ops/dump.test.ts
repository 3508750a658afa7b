import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { auditEvents } from '../db/schema/audit-events.js';
import { caseAttachments, kaizenCases } from '../db/schema/cases.js';
import { departments } from '../db/schema/departments.js';
import { invitations } from '../db/schema/invitations.js';
import { mails } from '../db/schema/mails.js';
import { organizations } from '../db/schema/organizations.js';
import { passwordResets } from '../db/schema/password-resets.js';
import { rateLimits } from '../db/schema/rate-limits.js';
import { sessions } from '../db/schema/sessions.js';
import { users } from '../db/schema/users.js';
import { seedDemo } from '../seed/demo.js';
import { DumpError } from './dump.js';
import { readDumpHeader, restoreDatabase } from './read-dump.js';
import { loadTablePlans } from './table-plan.js';
import { dumpDatabase } from './write-dump.js';

const workDir = mkdtempSync(path.join(tmpdir(), 'kn-dump-test-'));
const opened: Database[] = [];
let fileCount = 0;
const nextFile = () => path.join(workDir, `dump-${++fileCount}.jsonl.gz`);

async function openMemoryDatabase(): Promise<Database> {
  const database = await openDatabase({ pglite: await PGlite.create() });
  opened.push(database);
  return database;
}

/** Every table's rows as JSON text in UTC, sorted, so two databases of either kind compare directly. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    for (const plan of await loadTablePlans()) {
      const { rows } = (await tx.execute(
        sql`select row_to_json(t)::text as line from public.${sql.identifier(plan.name)} as t`,
      )) as unknown as { rows: { line: string }[] };
      result[plan.name] = rows.map((r) => r.line).sort();
    }
  });
  return result;
}

/** The demo seed plus a row in every table and values that are easy to get wrong. */
async function fillSource(database: Database) {
  const { db } = database;
  await migrateDatabase(database);
  await seedDemo(db, new Date('2026-04-01T09:00:00+09:00'));
  const [city] = await db.select().from(organizations).where(eq(organizations.name, 'デモ市'));
  const [user] = await db.select().from(users).limit(1);
  if (!city || !user) throw new Error('seed did not create デモ市');
  // A child whose id sorts before its parent's, three levels deep: restore must go by depth, not id.
  const top = 'ffffffff-0000-4000-8000-000000000001';
  const middle = '00000000-0000-4000-8000-000000000002';
  const bottom = '00000000-0000-4000-8000-000000000001';
  for (const [id, parentId, name] of [
    [top, null, '会計管理者'],
    [middle, top, '会計課'],
    [bottom, middle, '審査係'],
  ] as const) {
    await db.insert(departments).values({ id, orgId: city.id, parentId, name, level: 'other' });
  }
  const changes = { before: { name: '旧名称' }, after: null, list: [1, 2.5, 'три'], big: 9007199254740993n.toString() };
  await db.insert(auditEvents).values({
    id: randomUUID(),
    orgId: city.id,
    actorId: user.id,
    action: 'department.update',
    targetType: 'department',
    targetId: bottom,
    changes,
    ip: '127.0.0.1',
  });
  await db.execute(
    sql`update audit_events set created_at = '2026-04-01 12:34:56.123456+09' where action = 'department.update'`,
  );
  await db.insert(mails).values({
    id: randomUUID(),
    orgId: city.id,
    to: user.email,
    subject: '件名 "quoted" \\ backslash',
    text: 'line one\nline two\ttab\u2028separator',
    status: 'stored',
  });
  await db
    .insert(sessions)
    .values({ id: 'a'.repeat(64), userId: user.id, expiresAt: new Date('2026-05-01T00:00:00Z') });
  await db.insert(passwordResets).values({ tokenHash: 'b'.repeat(64), userId: user.id, expiresAt: new Date() });
  await db.insert(invitations).values({
    id: randomUUID(),
    orgId: city.id,
    email: 'new@demo.kaizen-navi.jp',
    role: 'staff',
    position: 'staff',
    departmentId: bottom,
    tokenHash: 'c'.repeat(64),
    invitedBy: user.id,
    expiresAt: new Date('2026-04-08T00:00:00Z'),
  });
  // Binary content (bytea) and a search vector must survive the round trip byte for byte.
  const [kaizen] = await db.select().from(kaizenCases).limit(1);
  if (!kaizen) throw new Error('seed did not create a case');
  await db.insert(caseAttachments).values({
    id: randomUUID(),
    caseId: kaizen.id,
    orgId: kaizen.orgId,
    fileName: '改善前.png',
    mediaType: 'image/png',
    sizeBytes: 6,
    role: 'before',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]),
  });
  await db.insert(rateLimits).values([
    { key: 'login:ip:127.0.0.1', count: 3, windowStart: new Date() },
    { key: 'login:account:Z', count: 1, windowStart: new Date() },
  ]);
}

let source: Database;
let sourceSnapshot: Record<string, string[]>;
let sourceDump: string;

beforeAll(async () => {
  source = await openMemoryDatabase();
  await fillSource(source);
  sourceSnapshot = await snapshot(source);
  sourceDump = nextFile();
  // A tiny batch makes every table page through several keyset queries.
  await dumpDatabase(source, sourceDump, { batchSize: 3 });
}, 60_000);

afterAll(async () => {
  for (const database of opened) await database.close().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
});

describe('dump and restore on PGlite', () => {
  it('orders tables so that every foreign key points at an earlier table', async () => {
    const names = (await loadTablePlans()).map((p) => p.name);
    // Every table the migrations create is planned, and nothing else.
    const { rows } = (await source.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )) as unknown as { rows: { name: string }[] };
    expect([...names].sort()).toEqual(rows.map((r) => r.name).sort());
    expect(names.indexOf('sheet_rounds')).toBeLessThan(names.indexOf('sheet_responses'));
    expect(names.indexOf('sheet_responses')).toBeLessThan(names.indexOf('sheet_answers'));
    expect(names.indexOf('sheet_rounds')).toBeLessThan(names.indexOf('plan_draft_moves'));
    expect(names.indexOf('sheet_templates')).toBeLessThan(names.indexOf('sheet_template_versions'));
    expect(names.indexOf('organizations')).toBeLessThan(names.indexOf('departments'));
    expect(names.indexOf('departments')).toBeLessThan(names.indexOf('memberships'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('audit_events'));
  });

  it('writes a header with the migrations and departments parents first', async () => {
    const header = await readDumpHeader(sourceDump);
    expect(header).toMatchObject({ format: 'kaizen-navi-dump', version: 1, databaseKind: 'pglite' });
    expect(header.migrations).toContain('0000_foundation');
    const lines = gunzipSync(readFileSync(sourceDump)).toString('utf8').trim().split('\n');
    const departmentIds = lines.filter((l) => l.includes('"level":')).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(departmentIds.indexOf('ffffffff-0000-4000-8000-000000000001')).toBeLessThan(
      departmentIds.indexOf('00000000-0000-4000-8000-000000000002'),
    );
    expect(departmentIds.indexOf('00000000-0000-4000-8000-000000000002')).toBeLessThan(
      departmentIds.indexOf('00000000-0000-4000-8000-000000000001'),
    );
  });

  it('restores every row and value into a fresh PGlite', async () => {
    const target = await openMemoryDatabase();
    const summary = await restoreDatabase(target, sourceDump, { batchSize: 2 });
    expect(Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(sourceSnapshot).map(([name, rows]) => [name, rows.length])),
    );
    expect(await snapshot(target)).toEqual(sourceSnapshot);
    const [event] = await target.db.select().from(auditEvents).where(eq(auditEvents.action, 'department.update'));
    expect(event?.changes).toEqual({
      before: { name: '旧名称' },
      after: null,
      list: [1, 2.5, 'три'],
      big: '9007199254740993',
    });
    const { rows } = (await target.db.execute(
      sql`select to_char(created_at at time zone 'UTC', 'HH24:MI:SS.US') as t from audit_events where action = 'department.update'`,
    )) as unknown as { rows: { t: string }[] };
    expect(rows[0]?.t).toBe('03:34:56.123456');
  });

  it('refuses a database with data unless forced, then replaces it in one go', async () => {
    const target = await openMemoryDatabase();
    await restoreDatabase(target, sourceDump);
    await target.db.delete(rateLimits);
    await target.db.insert(organizations).values({ id: randomUUID(), kind: 'other', name: '余計な団体' });
    await expect(restoreDatabase(target, sourceDump)).rejects.toThrow(/not empty.*--force/);
    const summary = await restoreDatabase(target, sourceDump, { force: true });
    // The source's organisations and the one added.
    expect(summary.replaced.find((t) => t.name === 'organizations')?.rows).toBe(
      (sourceSnapshot.organizations?.length ?? 0) + 1,
    );
    expect(await snapshot(target)).toEqual(sourceSnapshot);
  });

  it('leaves the database untouched when the dump is cut short', async () => {
    const lines = gunzipSync(readFileSync(sourceDump)).toString('utf8').trim().split('\n');
    const truncated = nextFile();
    writeFileSync(truncated, gzipSync(`${lines.slice(0, -1).join('\n')}\n`));
    const target = await openMemoryDatabase();
    await expect(restoreDatabase(target, truncated)).rejects.toThrow(/truncated/);
    const counts = Object.values(await snapshot(target)).map((rows) => rows.length);
    expect(counts.every((n) => n === 0)).toBe(true);
  });

  it('refuses a dump made by newer code, and a file that is not a dump', async () => {
    const lines = gunzipSync(readFileSync(sourceDump)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '') as { migrations: string[] };
    header.migrations.push('9999_from_the_future');
    const newer = nextFile();
    writeFileSync(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(readDumpHeader(newer)).rejects.toThrow(/newer or different version/);
    const garbage = nextFile();
    writeFileSync(garbage, 'not gzip at all');
    await expect(readDumpHeader(garbage)).rejects.toBeInstanceOf(DumpError);
  });

  it('fails loudly on a table in the public schema that the code does not declare', async () => {
    const database = await openMemoryDatabase();
    await migrateDatabase(database);
    await database.db.execute(sql`create table stray (id int primary key)`);
    await expect(dumpDatabase(database, nextFile())).rejects.toThrow(/stray/);
  });
});

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!testDatabaseUrl)('dump and restore across PGlite and PostgreSQL', () => {
  const name = `kn_ops_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const adminUrl = new URL(testDatabaseUrl ?? 'postgres://localhost/');
  adminUrl.pathname = '/postgres';
  const targetUrl = new URL(testDatabaseUrl ?? 'postgres://localhost/');
  targetUrl.pathname = `/${name}`;

  async function runAdmin(statement: string) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  let postgres: Database;
  beforeAll(async () => {
    await runAdmin(`create database ${name}`);
    postgres = await openDatabase({ databaseUrl: targetUrl.toString(), poolMax: 2 });
  });

  afterAll(async () => {
    await postgres?.close();
    await runAdmin(`drop database if exists ${name} with (force)`);
  });

  it('restores a PGlite dump into PostgreSQL and dumps it back unchanged', async () => {
    const summary = await restoreDatabase(postgres, sourceDump, { batchSize: 4 });
    expect(summary.tables.reduce((sum, t) => sum + t.rows, 0)).toBeGreaterThan(20);
    expect(await snapshot(postgres)).toEqual(sourceSnapshot);

    const back = nextFile();
    await dumpDatabase(postgres, back, { batchSize: 5 });
    expect((await readDumpHeader(back)).databaseKind).toBe('postgres');
    const roundTrip = await openMemoryDatabase();
    await restoreDatabase(roundTrip, back);
    expect(await snapshot(roundTrip)).toEqual(sourceSnapshot);
  });
});
