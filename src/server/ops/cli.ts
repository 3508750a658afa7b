// Command-line helpers shared by backup.ts and restore.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client.js';
import { DumpError, type TableCount } from './dump.js';

/** Refuses to open an embedded database that a running server holds: PGlite has no cross-process lock. */
export function assertPgliteIdle(dataDir: string): void {
  const pidFile = path.resolve(dataDir, 'pglite', 'postmaster.pid');
  if (existsSync(pidFile)) {
    throw new DumpError(
      `the embedded database in ${dataDir} is open in another process (${pidFile} exists). Stop the server first; if none is running, the file is left from a crash: start and stop the server once.`,
    );
  }
}

/** Human-readable text for problems the operator can fix, or null for a bug worth a stack trace. */
export function describeFailure(error: unknown): string | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof DumpError) return e.message;
    const { code, detail } = e as { code?: unknown; detail?: unknown };
    if (typeof code !== 'string') continue;
    if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET'].includes(code)) {
      return `cannot reach the database (${code}${e.message ? `: ${e.message}` : ''})`;
    }
    if (code.startsWith('ERR_PARSE_ARGS')) return e.message;
    if (/^[0-9A-Z]{5}$/.test(code) && !(e.cause instanceof Error)) {
      return `the database refused: ${e.message}${typeof detail === 'string' ? ` (${detail})` : ''}`;
    }
  }
  if (error instanceof AggregateError && error.errors.length > 0) return describeFailure(error.errors[0]);
  return null;
}

export function formatTableCounts(tables: TableCount[]): string[] {
  const width = Math.max(5, ...tables.map((t) => t.name.length));
  const total = tables.reduce((sum, t) => sum + t.rows, 0);
  return [
    ...tables.map((t) => `  ${t.name.padEnd(width)}  ${String(t.rows).padStart(8)}`),
    `  ${'total'.padEnd(width)}  ${String(total).padStart(8)}`,
  ];
}

export function describeDatabase(database: Database, dataDir: string): string {
  return database.kind === 'pglite' ? `embedded PGlite (${dataDir})` : 'PostgreSQL (DATABASE_URL)';
}

/** Runs a command's main, turning expected failures into one line on stderr and exit code 1. */
export function runCommand(main: () => Promise<void>, usage: string): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = describeFailure(error);
      if (message) {
        process.stderr.write(`error: ${message}\n`);
        if ((error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS')) {
          process.stderr.write(`${usage}\n`);
        }
      } else {
        process.stderr.write(
          `unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
        );
      }
      process.exit(1);
    },
  );
}
