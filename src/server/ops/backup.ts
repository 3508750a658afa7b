// npm run backup -- [--out FILE]: writes a portable dump of the database the server would use.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.js';
import { readEnv } from '../env.js';
import { assertPgliteIdle, describeDatabase, formatTableCounts, runCommand } from './cli.js';
import { DumpError } from './dump.js';
import { dumpDatabase } from './write-dump.js';

const usage = `usage: npm run backup -- [--out FILE]
  Writes every table to FILE (default backups/kaizen-navi-YYYYMMDD-HHmmss.jsonl.gz), a gzip'd
  JSON-lines dump that npm run restore loads into PGlite or PostgreSQL alike.
  Uses the server's configuration: DATABASE_URL, or the embedded database under DATA_DIR.`;

function defaultFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return path.join('backups', `kaizen-navi-${date}-${time}.jsonl.gz`);
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv();
  } catch (error) {
    throw new DumpError((error as Error).message);
  }
  if (!env.DATABASE_URL) {
    if (!existsSync(path.resolve(env.DATA_DIR, 'pglite'))) {
      throw new DumpError(`there is no embedded database in ${env.DATA_DIR}; set DATA_DIR or DATABASE_URL`);
    }
    assertPgliteIdle(env.DATA_DIR);
  }
  const now = new Date();
  const out = values.out ?? defaultFileName(now);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolMax: 2 });
  try {
    const summary = await dumpDatabase(database, out, { now });
    const lines = [
      `Backup written: ${summary.file} (${(summary.bytes / 1024).toFixed(1)} KB)`,
      `  database:   ${describeDatabase(database, env.DATA_DIR)}`,
      `  migrations: ${summary.header.migrations.join(', ') || '(none)'}`,
      ...formatTableCounts(summary.tables),
      `  done in ${(summary.durationMs / 1000).toFixed(2)} s`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await database.close();
  }
}

runCommand(main, usage);
