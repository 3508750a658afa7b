// npm run bench -- [--runs N] [--duration S] [--connections N] [--quick]
// Measures start-to-ready, the web UI's initial JavaScript and HTTP throughput on PostgreSQL,
// writes bench/results/<name>-YYYYMMDD-HHmmss.json (and latest-<name>.json), prints a table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureHttpLoad } from './http-load.mjs';
import { cleanUpAfterInterrupt, root } from './server.mjs';
import { measureStartup } from './startup.mjs';
import { round } from './stats.mjs';
import { measureWebBundle } from './web-bundle.mjs';

const { values: args } = parseArgs({
  options: {
    name: { type: 'string', default: 'foundation' },
    runs: { type: 'string', default: '5' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    quick: { type: 'boolean', default: false },
  },
});
const settings = {
  runs: args.quick ? 1 : Number(args.runs),
  durationSeconds: args.quick ? 2 : Number(args.duration),
  warmupSeconds: args.quick ? 1 : Number(args.warmup),
  connections: Number(args.connections),
};
if (Object.values(settings).some((v) => !Number.isInteger(v) || v < 1)) {
  console.error('bench: --runs, --duration, --warmup and --connections take whole numbers of at least 1');
  process.exit(2);
}

// The bench must end on its own: a stuck server or database never holds it past this.
const LIMIT_MS = 240_000;
const abort = async (message, code) => {
  console.error(`\nbench: ${message}; cleaning up`);
  await cleanUpAfterInterrupt();
  process.exit(code);
};
setTimeout(() => void abort(`exceeded ${LIMIT_MS / 1000} s`, 1), LIMIT_MS).unref();
process.once('SIGINT', () => void abort('interrupted', 130));
process.once('SIGTERM', () => void abort('terminated', 143));

function describeCommand() {
  const extra = process.argv.slice(2).join(' ');
  if (process.env.npm_lifecycle_event === 'bench') return extra ? `npm run bench -- ${extra}` : 'npm run bench';
  return `node bench/run.mjs ${extra}`.trim();
}

function describeMachine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    // Other work on the machine moves every figure; a load near the CPU count means a busy machine.
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

function describeRevision() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    });
    return { commit, hasLocalChanges: status.trim().length > 0 };
  } catch {
    return null;
  }
}

async function measure(label, fn) {
  process.stdout.write(`bench: ${label} … `);
  const started = performance.now();
  try {
    const result = await fn();
    process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return result;
  } catch (error) {
    process.stdout.write('failed\n');
    console.error(`  ${error instanceof Error ? error.message : String(error)}`);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function stamp(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

function writeResult(report, date) {
  const dir = path.join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  // Results are committed: no paths of this machine in them.
  const text = `${JSON.stringify(report, null, 2)}\n`.replaceAll(root, '.').replaceAll(os.tmpdir(), '$TMPDIR');
  const files = [`${report.name}-${stamp(date)}.json`, `latest-${report.name}.json`];
  for (const file of files) {
    const temporary = path.join(dir, `${file}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, path.join(dir, file));
  }
  return files.map((f) => path.join('bench/results', f));
}

// ─── Summary table ───────────────────────────────────────────────────────────────────────────────

const seconds = (ms) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const verdict = (value, target) => (value === null || value === undefined ? '' : value <= target ? 'ok' : 'MISSED');

// One line per cell: a server's multi-line complaint stays readable in the JSON result.
const firstLine = (text) => String(text).split('\n')[0].slice(0, 100);

function summaryRows(figures) {
  const rows = [];
  const { startup, webBundle, httpLoad } = figures;
  if (startup.error) rows.push(['start → ready (PGlite)', 'error', firstLine(startup.error), '', '']);
  else {
    for (const [label, figure] of [
      ['start → ready, PGlite first start', startup.firstStart],
      ['start → ready, PGlite warm start', startup.warmStart],
    ]) {
      rows.push([
        label,
        seconds(figure.medianMs),
        `median of ${startup.runs}: ${figure.samplesMs.map((s) => (s / 1000).toFixed(2)).join(', ')}`,
        '< 10 s',
        verdict(figure.medianMs, startup.targetMs),
      ]);
    }
  }
  if (webBundle.error) rows.push(['web initial JS (gzip -9)', 'error', firstLine(webBundle.error), '', '']);
  else if (webBundle.missing)
    rows.push(['web initial JS (gzip -9)', 'missing', firstLine(webBundle.reason), '< 250 KB', '']);
  else {
    rows.push([
      'web initial JS (gzip -9)',
      `${webBundle.gzipKb} KB`,
      `${webBundle.files.length} file(s), ${webBundle.rawKb} KB raw`,
      '< 250 KB',
      verdict(webBundle.gzipKb, webBundle.targetKb),
    ]);
  }
  if (httpLoad.error) rows.push(['HTTP load (PostgreSQL)', 'error', firstLine(httpLoad.error), '', '']);
  else if (httpLoad.skipped) rows.push(['HTTP load (PostgreSQL)', 'skipped', firstLine(httpLoad.reason), '', '']);
  else {
    for (const e of httpLoad.endpoints) {
      const failures = e.errors + e.timeouts + e.non2xx;
      rows.push([
        `${e.label}, ${httpLoad.connections} conn`,
        `${e.requestsPerSecond.median} req/s`,
        `mean ${e.requestsPerSecond.mean} req/s; p50 ${e.latencyMs.p50} / p95 ${e.latencyMs.p95} / p99 ${e.latencyMs.p99} ms; ${failures} errors or non-2xx`,
        '',
        failures === 0 ? 'ok' : 'ERRORS',
      ]);
    }
  }
  return rows;
}

function printSummary(report, files) {
  const header = ['figure', 'median', 'detail', 'target', ''];
  const rows = [header, ...summaryRows(report.figures)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const m = report.machine;
  console.log(`\nKaizen Navi bench "${report.name}" — ${report.date}`);
  console.log(
    `${m.os}; ${m.cpuCount} × ${m.cpuModel}; ${m.totalMemoryGb} GB; Node ${m.node}; load ${m.loadAverage1m}\n`,
  );
  console.log(line(rows[0]));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  console.log(`\nwritten: ${files.join(', ')} (bench took ${report.benchSeconds} s)`);
}

// ─── Run ─────────────────────────────────────────────────────────────────────────────────────────

const startedAt = new Date();
const started = performance.now();
const machine = describeMachine();
const figures = {
  startup: await measure(`start → ready on PGlite, ${settings.runs} run(s)`, () =>
    measureStartup({ runs: settings.runs }),
  ),
  webBundle: await measure('web initial JavaScript', () => measureWebBundle()),
  httpLoad: await measure(
    `HTTP load on PostgreSQL, ${settings.connections} connections × ${settings.durationSeconds} s`,
    () => measureHttpLoad(settings),
  ),
};
const report = {
  name: args.name,
  command: describeCommand(),
  date: startedAt.toISOString(),
  revision: describeRevision(),
  machine,
  settings,
  figures,
  benchSeconds: round((performance.now() - started) / 1000, 1),
};
const files = writeResult(report, startedAt);
printSummary(report, files);
// A section that crashed fails the run; a skipped one (no PostgreSQL, no web build) does not.
process.exit(Object.values(figures).some((f) => f.error) ? 1 : 0);
