// Reads a dump (format in dump.ts) and restores it into a migrated database in one transaction.
import { createReadStream, existsSync } from 'node:fs';
import { pipeline as pipelineCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import {
  commaList,
  countRows,
  type Queryable,
  q,
  qualified,
  queryRows,
  readAppliedMigrations,
  readColumns,
  readMigrationTags,
  readPublicTables,
} from './database-state.js';
import {
  DUMP_VERSION,
  DumpError,
  type DumpHeader,
  headerSchema,
  MARKER_PREFIX,
  type Marker,
  markerSchema,
  type TableCount,
} from './dump.js';
import { loadTablePlans } from './table-plan.js';

/** Yields the lines of a gzip'd file, reading only as fast as the consumer takes them. */
async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  pipelineCallback(createReadStream(file), gunzip, () => {
    // Errors surface through the iteration below.
  });
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    if (rest) yield rest;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new DumpError(`${file} is not a Kaizen Navi dump or is damaged (${(error as Error).message})`);
    }
    throw error;
  } finally {
    gunzip.destroy();
  }
}

function parseMarker(line: string): Marker {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new DumpError('the dump has a line that is not JSON');
  }
  const parsed = markerSchema.safeParse(value);
  if (!parsed.success)
    throw new DumpError(`the dump has a line this version does not understand: ${line.slice(0, 120)}`);
  return parsed.data;
}

/** Reads and checks the first line of a dump without touching any database. */
export async function readDumpHeader(file: string): Promise<DumpHeader> {
  if (!existsSync(file)) throw new DumpError(`${file}: no such file`);
  let first: string | undefined;
  for await (const line of readLines(file)) {
    first = line;
    break;
  }
  const value = ((): unknown => {
    try {
      return JSON.parse(first ?? '');
    } catch {
      return null;
    }
  })();
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw new DumpError(`${file} is not a Kaizen Navi dump`);
  const { $: _, ...header } = parsed.data;
  if (header.version > DUMP_VERSION) {
    throw new DumpError(`${file} uses dump format ${header.version}, newer than this version reads (${DUMP_VERSION})`);
  }
  const code = readMigrationTags().map((e) => e.tag);
  const firstDifferent = header.migrations.findIndex((tag, i) => tag !== code[i]);
  if (firstDifferent >= 0) {
    throw new DumpError(
      `${file} was made by a newer or different version of Kaizen Navi (migration ${header.migrations[firstDifferent]} is unknown here); restore it with that version`,
    );
  }
  return header;
}

export interface RestoreOptions {
  /** Replace the data of a database that is not empty. */
  force?: boolean;
  batchSize?: number;
  /** Upper bound on the JSON sent in one INSERT. */
  batchBytes?: number;
}

export interface RestoreSummary {
  header: DumpHeader;
  tables: TableCount[];
  /** Tables that held rows before the restore replaced them. */
  replaced: TableCount[];
  durationMs: number;
}

interface Section {
  name: string;
  insert: (json: string) => SQL;
  rows: number;
  batch: string[];
  bytes: number;
}

/** Migrates the database, then loads a dump into it in one transaction: all of it or nothing. */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  const batchBytes = options.batchBytes ?? 4 * 1024 * 1024;
  const header = await readDumpHeader(file);
  const plans = await loadTablePlans();
  await migrateDatabase(database);
  await readAppliedMigrations(database.db);
  await readPublicTables(database.db, plans);
  const known = new Set(plans.map((p) => p.name));

  const tables: TableCount[] = [];
  const replaced = await database.db.transaction(async (tx) => {
    // A server still running against PostgreSQL waits until the restore commits instead of
    // writing into a half-restored database.
    const allTables = commaList(plans.map((p) => qualified(p.name)));
    await tx.execute(sql`lock table ${allTables} in access exclusive mode`);
    const occupied: TableCount[] = [];
    for (const plan of plans) {
      const rows = await countRows(tx, plan.name);
      if (rows > 0) occupied.push({ name: plan.name, rows });
    }
    if (occupied.length > 0 && !options.force) {
      const list = occupied.map((t) => `${t.name}: ${t.rows}`).join(', ');
      throw new DumpError(`the database is not empty (${list}); add --force to replace all of its data`);
    }
    if (occupied.length > 0) await tx.execute(sql`truncate table ${allTables}`);

    const flush = async (section: Section) => {
      if (section.batch.length === 0) return;
      await tx.execute(section.insert(`[${section.batch.join(',')}]`));
      section.batch = [];
      section.bytes = 0;
    };
    let section: Section | null = null;
    let isFinished = false;
    let isHeader = true;
    for await (const line of readLines(file)) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      if (line === '') continue;
      if (isFinished) throw new DumpError('the dump has data after its end marker');
      if (!line.startsWith(MARKER_PREFIX)) {
        if (!section) throw new DumpError('the dump has a row outside any table');
        section.batch.push(line);
        section.rows += 1;
        section.bytes += line.length;
        if (section.batch.length >= batchSize || section.bytes >= batchBytes) await flush(section);
        continue;
      }
      const marker = parseMarker(line);
      if (marker.$ === 'table') {
        if (section) throw new DumpError(`the dump starts table ${marker.name} before ending ${section.name}`);
        if (!known.has(marker.name)) throw new DumpError(`the dump has table ${marker.name}, which this version lacks`);
        section = await openSection(tx, marker.name, marker.columns);
      } else if (marker.$ === 'end') {
        if (!section || section.name !== marker.name)
          throw new DumpError(`the dump ends table ${marker.name} unopened`);
        await flush(section);
        if (section.rows !== marker.rows) {
          throw new DumpError(`table ${marker.name}: the dump holds ${section.rows} rows but says ${marker.rows}`);
        }
        tables.push({ name: section.name, rows: section.rows });
        section = null;
      } else if (marker.$ === 'end-of-dump') {
        if (section) throw new DumpError(`the dump ends inside table ${section.name}`);
        isFinished = true;
      } else {
        throw new DumpError('the dump has a second header');
      }
    }
    if (!isFinished) throw new DumpError(`${file} is truncated: it has no end marker`);
    await resetSequences(tx);
    return occupied;
  });
  return { header, tables, replaced, durationMs: performance.now() - started };
}

async function openSection(tx: Queryable, name: string, dumped: string[]): Promise<Section> {
  const columns = await readColumns(tx, name);
  const present = new Set(columns.map((c) => c.name));
  const unknown = dumped.filter((c) => !present.has(c));
  if (unknown.length > 0) {
    // A later migration dropped them; restoring silently would lose data the operator may expect.
    throw new DumpError(`table ${name}: the dump has columns this version lacks: ${unknown.join(', ')}`);
  }
  // Columns missing from an older dump take their defaults; generated columns are recomputed.
  const generated = new Set(columns.filter((c) => c.isGenerated).map((c) => c.name));
  const list = commaList(dumped.filter((c) => !generated.has(c)).map((c) => sql`${q(c)}`));
  const table = qualified(name);
  return {
    name,
    rows: 0,
    batch: [],
    bytes: 0,
    insert: (json) => sql`insert into ${table} (${list}) overriding system value
      select ${list} from json_populate_recordset(null::${table}, ${json}::json)`,
  };
}

/** Moves serial and identity sequences past the restored keys, so new rows do not collide. */
async function resetSequences(tx: Queryable): Promise<void> {
  const sequences = await queryRows<{ table: string; column: string; sequence: string }>(
    tx,
    sql`select table_name as "table", column_name as "column", seq as "sequence" from (
          select table_name, column_name,
                 pg_get_serial_sequence(format('public.%I', table_name), column_name) as seq
          from information_schema.columns where table_schema = 'public'
        ) as s where seq is not null`,
  );
  for (const s of sequences) {
    await tx.execute(
      sql`select setval(${s.sequence}::regclass, coalesce(max(${q(s.column)}), 0) + 1, false) from ${qualified(s.table)}`,
    );
  }
}
