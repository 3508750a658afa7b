// npm test: lint, type check, server tests on PGlite (and on PostgreSQL when TEST_DATABASE_URL is
// set), then the browser tests when Chromium is installed. Prints one summary line at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reports = mkdtempSync(path.join(os.tmpdir(), 'kn-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

function step(label, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ label, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function vitest(label, project, env = {}) {
  const report = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const ok = step(
    label,
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    if ((json.numTotalTests ?? 0) === 0) {
      console.error(`${label}: no tests ran`);
      return false;
    }
  }
  return ok;
}

let ok = true;
ok = step('lint (Biome)', bin('biome'), ['check', '.']) && ok;
ok = step('type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json']) && ok;
ok = vitest('server tests on PGlite', 'server', { TEST_DB: 'pglite' }) && ok;
if (process.env.TEST_DATABASE_URL) {
  ok = vitest('server tests on PostgreSQL', 'server', { TEST_DB: 'postgres' }) && ok;
} else {
  console.log(
    '\nPostgreSQL tests skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run them.',
  );
}
if (existsSync(chromium)) {
  ok = step('build for browser tests', process.execPath, [path.join(root, 'scripts/build.mjs')]) && ok;
  ok = vitest('browser tests (Chromium)', 'e2e', { CHROMIUM_PATH: chromium }) && ok;
} else {
  console.log(
    `\nBrowser tests SKIPPED: no Chromium at ${chromium}. Install it with \`sudo apt-get install chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH.`,
  );
}
rmSync(reports, { recursive: true, force: true });

console.log('\nSummary');
for (const s of steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.label} (${s.seconds.toFixed(1)} s)`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
