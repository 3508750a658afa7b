// A logical, portable dump of every application table: gzip'd JSON lines that either database kind
// can write and read. PostgreSQL itself turns rows into JSON (row_to_json) and back
// (json_populate_recordset), so timestamps keep their microseconds, jsonb stays jsonb and large
// numbers never pass through a JavaScript number.
//
// File layout, one JSON value per line:
//   {"$":"header","format":"kaizen-navi-dump","version":1,"createdAt":…,"databaseKind":…,"migrations":[…]}
//   {"$":"table","name":"organizations","columns":[…]}
//   {"id":…,"kind":…}                       one line per row, exactly as row_to_json printed it
//   {"$":"end","name":"organizations","rows":2}
//   … every table, parents before children …
//   {"$":"end-of-dump","tables":10,"rows":57}
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline as pipelineCallback, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import { getTableName, is, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database, Db } from '../db/client.js';
import { migrateDatabase, migrationsFolder } from '../db/migrate.js';

export const DUMP_FORMAT = 'kaizen-navi-dump';
export const DUMP_VERSION = 1;

/** A problem the operator can fix (wrong file, non-empty database …): printed without a stack trace. */
export class DumpError extends Error {
  override name = 'DumpError';
}

/** Enough of Db to run SQL; a transaction has the same shape. */
type Queryable = Pick<Db, 'execute'>;

async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const q = (name: string) => sql.identifier(name);
const qualified = (table: string) => sql`public.${q(table)}`;
const commaList = (parts: SQL[]) => sql.join(parts, sql`, `);

// ─── What to dump, in which order ────────────────────────────────────────────────────────────────

export interface TablePlan {
  name: string;
  primaryKey: string[];
  /** A column referencing this table's own primary key (departments.parent_id): rows go parents first. */
  parentColumn: string | null;
  /** Tables this one references, which must be restored before it. */
  references: string[];
}

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/schema');

/** Reads every table declared in db/schema and orders them so that foreign keys hold on restore. */
export async function loadTablePlans(): Promise<TablePlan[]> {
  // .js when compiled, .ts under the test runner.
  const extension = path.extname(fileURLToPath(import.meta.url));
  const files = (await readdir(schemaDir))
    .filter((f) => f.endsWith(extension) && !f.endsWith(`.d${extension}`) && !f.includes('.test.'))
    .sort();
  const tables = new Map<string, PgTable>();
  for (const file of files) {
    const exported = (await import(pathToFileURL(path.join(schemaDir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (is(value, PgTable)) tables.set(getTableName(value), value);
    }
  }
  return orderByReferences([...tables.values()].map(describeTable));
}

function describeTable(table: PgTable): TablePlan {
  const config = getTableConfig(table);
  if (config.schema && config.schema !== 'public') {
    throw new DumpError(`table ${config.schema}.${config.name} is outside the public schema, which the dump covers`);
  }
  const primaryKey =
    config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  if (primaryKey.length === 0) {
    throw new DumpError(`table ${config.name} has no primary key; the dump pages through every table by its key`);
  }
  let parentColumn: string | null = null;
  const references = new Set<string>();
  for (const foreignKey of config.foreignKeys) {
    const reference = foreignKey.reference();
    const target = getTableName(reference.foreignTable);
    if (target !== config.name) {
      references.add(target);
      continue;
    }
    const [column] = reference.columns;
    const isSimpleParent =
      column &&
      reference.columns.length === 1 &&
      primaryKey.length === 1 &&
      reference.foreignColumns[0]?.name === primaryKey[0];
    if (parentColumn || !isSimpleParent) {
      throw new DumpError(`table ${config.name}: only one single-column reference to its own primary key is supported`);
    }
    parentColumn = column.name;
  }
  return { name: config.name, primaryKey, parentColumn, references: [...references].sort() };
}

function orderByReferences(plans: TablePlan[]): TablePlan[] {
  // Level by level (tables referencing nothing, then those referencing only them …), by name within a level.
  const pending = new Map(plans.map((p) => [p.name, p]));
  const ordered: TablePlan[] = [];
  while (pending.size > 0) {
    const level = [...pending.values()]
      .filter((p) => p.references.every((r) => !pending.has(r)))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (level.length === 0) {
      throw new DumpError(`foreign keys form a cycle between tables: ${[...pending.keys()].join(', ')}`);
    }
    for (const plan of level) pending.delete(plan.name);
    ordered.push(...level);
  }
  return ordered;
}

// ─── Migrations and tables present in the database ───────────────────────────────────────────────

function readMigrationTags(): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

/** The code's migrations that the database has applied; refuses a database migrated by newer code. */
async function readAppliedMigrations(db: Queryable): Promise<string[]> {
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
async function readPublicTables(db: Queryable, plans: TablePlan[]): Promise<Set<string>> {
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

interface ColumnInfo {
  name: string;
  isGenerated: boolean;
}

async function readColumns(db: Queryable, table: string): Promise<ColumnInfo[]> {
  return queryRows<ColumnInfo>(
    db,
    sql`select column_name as name, is_generated = 'ALWAYS' as "isGenerated" from information_schema.columns
        where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
  );
}

async function countRows(db: Queryable, table: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from ${qualified(table)}`);
  return Number(row?.n ?? 0);
}

// ─── Writing ─────────────────────────────────────────────────────────────────────────────────────

const headerSchema = z.object({
  $: z.literal('header'),
  format: z.literal(DUMP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  databaseKind: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string()),
});
export type DumpHeader = Omit<z.infer<typeof headerSchema>, '$'>;

const markerSchema = z.discriminatedUnion('$', [
  headerSchema,
  z.object({ $: z.literal('table'), name: z.string(), columns: z.array(z.string()) }),
  z.object({ $: z.literal('end'), name: z.string(), rows: z.number().int().min(0) }),
  z.object({ $: z.literal('end-of-dump'), tables: z.number().int(), rows: z.number().int() }),
]);
type Marker = z.infer<typeof markerSchema>;

const MARKER_PREFIX = '{"$":';
const markerLine = (marker: Marker) => `${JSON.stringify(marker)}\n`;

export interface TableCount {
  name: string;
  rows: number;
}

export interface DumpSummary {
  file: string;
  bytes: number;
  header: DumpHeader;
  tables: TableCount[];
  durationMs: number;
}

export interface DumpOptions {
  /** Rows fetched per query; memory stays bounded by one batch whatever the table size. */
  batchSize?: number;
  now?: Date;
}

/** Writes every application table to outFile (gzip'd JSON lines) from one consistent snapshot. */
export async function dumpDatabase(
  database: Database,
  outFile: string,
  options: DumpOptions = {},
): Promise<DumpSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  const plans = await loadTablePlans();
  const migrations = await readAppliedMigrations(database.db);
  const present = await readPublicTables(database.db, plans);
  const isFullyMigrated = migrations.length === readMigrationTags().length;
  const missing = plans.filter((p) => !present.has(p.name)).map((p) => p.name);
  // A database behind the code (backed up before its first start on a new version) lacks the
  // newest tables; a fully migrated one must have them all.
  if (isFullyMigrated && missing.length > 0) {
    throw new DumpError(`the database lacks tables its migrations create: ${missing.join(', ')}`);
  }
  if (existsSync(outFile)) throw new DumpError(`${outFile} already exists; choose another --out`);
  await mkdir(path.dirname(path.resolve(outFile)), { recursive: true });

  const header: DumpHeader = {
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    databaseKind: database.kind,
    migrations,
  };
  const tables: TableCount[] = [];
  async function* generateLines(tx: Queryable): AsyncGenerator<string> {
    yield markerLine({ $: 'header', ...header });
    for (const plan of plans.filter((p) => present.has(p.name))) {
      const columns = await readColumns(tx, plan.name);
      if (columns.some((c) => c.name === '$')) throw new DumpError(`table ${plan.name} has a column named "$"`);
      yield markerLine({ $: 'table', name: plan.name, columns: columns.map((c) => c.name) });
      let rows = 0;
      for await (const lines of readTableBatches(tx, plan, batchSize)) {
        rows += lines.length;
        yield `${lines.join('\n')}\n`;
      }
      const expected = await countRows(tx, plan.name);
      if (rows !== expected) {
        throw new DumpError(
          `table ${plan.name}: ${expected - rows} of ${expected} rows are not reachable from a root through ${plan.parentColumn} (a cycle?)`,
        );
      }
      tables.push({ name: plan.name, rows });
      yield markerLine({ $: 'end', name: plan.name, rows });
    }
    const total = tables.reduce((sum, t) => sum + t.rows, 0);
    yield markerLine({ $: 'end-of-dump', tables: tables.length, rows: total });
  }

  // Write beside the target and rename at the end, so a failed backup never looks like a good one.
  const partial = `${outFile}.partial`;
  try {
    await database.db.transaction(
      async (tx) => {
        // Timestamps print as UTC whatever the server's zone, so dumps compare across machines.
        await tx.execute(sql`set local time zone 'UTC'`);
        await pipeline(Readable.from(generateLines(tx)), createGzip(), createWriteStream(partial, { flags: 'wx' }));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(partial, outFile);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const { size } = await stat(outFile);
  return { file: outFile, bytes: size, header, tables, durationMs: performance.now() - started };
}

/** Yields a table's rows as JSON text, batch by batch, with keyset pagination on the primary key. */
async function* readTableBatches(tx: Queryable, plan: TablePlan, batchSize: number): AsyncGenerator<string[]> {
  let after: unknown[] | null = null;
  for (;;) {
    const batch: Record<string, unknown>[] = await queryRows<Record<string, unknown>>(
      tx,
      selectBatch(plan, after, batchSize),
    );
    if (batch.length > 0) yield batch.map((row) => String(row.line));
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    const keys = plan.primaryKey.map((_, i) => last[`k${i}`]);
    after = plan.parentColumn ? [last.depth, ...keys] : keys;
  }
}

function selectBatch(plan: TablePlan, after: unknown[] | null, limit: number): SQL {
  const table = qualified(plan.name);
  const keyColumns = plan.primaryKey.map((c) => sql`t.${q(c)}`);
  const keyOutputs = plan.primaryKey.map((c, i) => sql`t.${q(c)}::text as ${q(`k${i}`)}`);
  const afterValues = after ? commaList(after.map((v) => sql`${v}`)) : null;
  const [pk] = plan.primaryKey;
  if (!plan.parentColumn || !pk) {
    const where = afterValues ? sql`where (${commaList(keyColumns)}) > (${afterValues})` : sql``;
    return sql`select row_to_json(t)::text as line, ${commaList(keyOutputs)} from ${table} as t
      ${where} order by ${commaList(keyColumns)} limit ${limit}`;
  }
  // Roots first, then each level of the tree: a row's parent is always restored before it.
  const parent = q(plan.parentColumn);
  const id = q(pk);
  const where = afterValues ? sql`where (tree.depth, t.${id}) > (${afterValues})` : sql``;
  return sql`with recursive tree (node, depth) as (
      select r.${id}, 0 from ${table} as r where r.${parent} is null or r.${parent} = r.${id}
      union all
      select c.${id}, tree.depth + 1 from ${table} as c join tree on c.${parent} = tree.node where c.${parent} <> c.${id}
    )
    select row_to_json(t)::text as line, tree.depth as depth, ${commaList(keyOutputs)}
    from ${table} as t join tree on tree.node = t.${id}
    ${where} order by tree.depth, t.${id} limit ${limit}`;
}

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────────

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

// ─── Command-line helpers shared by backup.ts and restore.ts ─────────────────────────────────────

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
