import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

/** The drizzle-kit output folder, shipped beside the code and shared by both database kinds. */
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

function readJournal(): Journal {
  return JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
}

/** Applies every migration not yet applied; safe to call from several servers at once. */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.withMigrationLock(async () => {
    if (database.kind === 'postgres') {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      // biome-ignore lint/suspicious/noExplicitAny: the driver-specific type is erased in Database
      await migrate(database.db as any, { migrationsFolder });
    } else {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      // biome-ignore lint/suspicious/noExplicitAny: the driver-specific type is erased in Database
      await migrate(database.db as any, { migrationsFolder });
    }
  });
}

export interface MigrationState {
  latest: string | null;
  applied: number;
  total: number;
  pending: string[];
}

/** Compares the migrations shipped with the code with those recorded in the database. */
export async function readMigrationState(database: Database): Promise<MigrationState> {
  const journal = readJournal();
  let appliedAt: number[] = [];
  try {
    const result = (await database.db.execute(sql`select created_at from drizzle.__drizzle_migrations`)) as unknown as {
      rows: { created_at: string | number }[];
    };
    appliedAt = result.rows.map((r) => Number(r.created_at));
  } catch {
    appliedAt = [];
  }
  const applied = new Set(appliedAt);
  const pending = journal.entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
  return {
    latest: journal.entries.at(-1)?.tag ?? null,
    applied: journal.entries.length - pending.length,
    total: journal.entries.length,
    pending,
  };
}
