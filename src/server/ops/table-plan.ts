// Which tables the dump covers and in which order: every table declared in db/schema, parents before children.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { DumpError } from './dump.js';

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
