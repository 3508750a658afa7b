// Writes a dump (format in dump.ts) from one consistent snapshot, paging through each table by its key.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
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
import { DUMP_FORMAT, DUMP_VERSION, DumpError, type DumpHeader, markerLine, type TableCount } from './dump.js';
import { loadTablePlans, type TablePlan } from './table-plan.js';

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
