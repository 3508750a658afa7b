// npm run bench -- [--runs N] [--duration S] [--connections N] [--quick]
// Measures start-to-ready, the web UI's initial JavaScript and HTTP throughput on PostgreSQL,
// writes bench/results/<name>-YYYYMMDD-HHmmss.json (and latest-<name>.json), prints a table.
import { parseArgs } from 'node:util';
import { measureHttpLoad } from './http-load.mjs';
import {
  describeCommand,
  describeMachine,
  describeRevision,
  firstLine,
  guardBench,
  measure,
  printSummary,
  verdict,
  writeResult,
} from './report.mjs';
import { cleanUpAfterInterrupt } from './server.mjs';
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
guardBench(240_000, cleanUpAfterInterrupt);

// ─── Summary table ───────────────────────────────────────────────────────────────────────────────

const seconds = (ms) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);

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
  command: describeCommand('bench', 'run.mjs'),
  date: startedAt.toISOString(),
  revision: describeRevision(),
  machine,
  settings,
  figures,
  benchSeconds: round((performance.now() - started) / 1000, 1),
};
const files = writeResult(report, startedAt);
printSummary(report, ['figure', 'median', 'detail', 'target', ''], summaryRows(report.figures), files);
// A section that crashed fails the run; a skipped one (no PostgreSQL, no web build) does not.
process.exit(Object.values(figures).some((f) => f.error) ? 1 : 0);
