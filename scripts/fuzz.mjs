// npm run fuzz -- [--seed N] [--runs M] [--operation "PATCH /api/auth/me"] [--db pglite|postgres]
// The hostile-input test (src/server/plugins/fuzz.test.ts) for longer than npm test runs it: M
// requests per operation, caller and kind, from seed N (a new one each time unless given). Prints
// the seed first and each failing request with the command that sends it again. FUZZ_TRACE=1 in
// the environment also prints every request with its status.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    runs: { type: 'string', default: '10' },
    operation: { type: 'string' },
    db: { type: 'string', default: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' },
  },
});
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = values.runs;
if (!/^-?\d+$/.test(seed) || !/^\d+$/.test(runs) || Number(runs) < 1) {
  console.error('usage: npm run fuzz -- [--seed N] [--runs M] [--operation "METHOD /path"] [--db pglite|postgres]');
  process.exit(2);
}
const env = { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs, TEST_DB: values.db };
if (values.operation) env.FUZZ_OPERATION = values.operation;
if (values.db === 'postgres') env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

console.log(
  `fuzz: seed ${seed}, ${runs} per operation, caller and kind, on ${values.db}${values.operation ? `, only ${values.operation}` : ''}`,
);
const started = Date.now();
const result = spawnSync(
  path.join(root, 'node_modules/.bin', 'vitest'),
  ['run', '--project', 'server', 'src/server/plugins/fuzz.test.ts'],
  { cwd: root, stdio: 'inherit', env },
);
console.log(
  `fuzz: seed ${seed}, ${runs} runs: ${result.status === 0 ? 'no failures' : 'FAILED (see the requests above)'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(result.status ?? 1);
