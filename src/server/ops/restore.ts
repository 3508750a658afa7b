// npm run restore -- FILE [--force]: loads a dump made by npm run backup, from either database kind.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { readEnv } from '../env.js';
import { assertPgliteIdle, describeDatabase, formatTableCounts, runCommand } from './cli.js';
import { DumpError } from './dump.js';
import { readDumpHeader, restoreDatabase } from './read-dump.js';

const usage = `usage: npm run restore -- FILE [--force]
  Migrates the database, then loads FILE (made by npm run backup) in one transaction.
  Refuses a database that already holds data unless --force, which replaces all of it.
  Uses the server's configuration: DATABASE_URL, or the embedded database under DATA_DIR.`;

async function main() {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new DumpError(`give exactly one dump file\n${usage}`);
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
  } catch (error) {
    throw new DumpError((error as Error).message);
  }
  // Check the file before opening (and possibly creating) a database.
  const header = await readDumpHeader(file);
  if (!env.DATABASE_URL) assertPgliteIdle(env.DATA_DIR);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolMax: 2 });
  try {
    const summary = await restoreDatabase(database, file, { force: values.force ?? false });
    const replaced = summary.replaced.reduce((sum, t) => sum + t.rows, 0);
    const lines = [
      `Restored ${path.basename(file)} (made ${header.createdAt} on ${header.databaseKind})`,
      `  into:       ${describeDatabase(database, env.DATA_DIR)}`,
      `  migrations: ${header.migrations.join(', ') || '(none)'}`,
      ...(replaced > 0 ? [`  replaced ${replaced} rows that were there before (--force)`] : []),
      ...formatTableCounts(summary.tables),
      `  done in ${(summary.durationMs / 1000).toFixed(2)} s`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await database.close();
  }
}

runCommand(main, usage);
