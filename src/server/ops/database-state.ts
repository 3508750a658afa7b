// Queries the dump and the restore share: the applied migrations, the tables and columns present, row counts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { migrationsFolder } from '../db/migrate.js';
import { DumpError } from './dump.js';
import type { TablePlan } from './table-plan.js';

/** Enough of Db to run SQL; a transaction has the same shape. */
export type Queryable = Pick<Db, 'execute'>;

export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export const q = (name: string) => sql.identifier(name);
export const qualified = (table: string) => sql`public.${q(table)}`;
export const commaList = (parts: SQL[]) => sql.join(parts, sql`, `);

export function readMigrationTags(): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

/** The code's migrations that the database has applied; refuses a database migrated by newer code. */
export async function readAppliedMigrations(db: Queryable): Promise<string[]> {
  const [found] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!found?.present) {
    throw new DumpError('the database has no migration history: it is empty or not a Kaizen Navi database');
  }
  const rows = await queryRows<{ createdAt: string | number }>(
    db,
    sql`select created_at as "createdAt" from drizzle.__drizzle_migrations order by created_at`,
  );
  const journal = readMigrationTags();
  const tags = new Map(journal.map((e) => [e.when, e.tag]));
  const applied = rows.map((r) => tags.get(Number(r.createdAt)));
  if (applied.some((tag) => tag === undefined)) {
    throw new DumpError('the database was migrated by a newer version of Kaizen Navi; use that version');
  }
  if (applied.some((tag, i) => tag !== journal[i]?.tag)) {
    throw new DumpError('the database has applied migrations out of order; it cannot be dumped safely');
  }
  return applied as string[];
}

/** Names of the tables in the public schema; fails on any table the code does not declare. */
export async function readPublicTables(db: Queryable, plans: TablePlan[]): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const known = new Set(plans.map((p) => p.name));
  const unknown = rows.map((r) => r.name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new DumpError(
      `the database has tables this version does not declare in db/schema: ${unknown.sort().join(', ')}`,
    );
  }
  return new Set(rows.map((r) => r.name));
}

export interface ColumnInfo {
  name: string;
  isGenerated: boolean;
}

export async function readColumns(db: Queryable, table: string): Promise<ColumnInfo[]> {
  return queryRows<ColumnInfo>(
    db,
    sql`select column_name as name, is_generated = 'ALWAYS' as "isGenerated" from information_schema.columns
        where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
  );
}

export async function countRows(db: Queryable, table: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from ${qualified(table)}`);
  return Number(row?.n ?? 0);
}
