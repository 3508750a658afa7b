// npm run proof:durability -- [--databases pglite,postgres] [--kills N] [--seed S] [--quick]
// Starts the built server on PGlite and on PostgreSQL, sends a steady stream of writes through the
// product's own API (case drafts, sheet answers, workshop joins and answers, plan saves), SIGKILLs
// the server at random moments (some during start-up, before /api/health answers), starts it
// again on the same DATA_DIR or DATABASE_URL, and at the end counts every write in the database:
// each acknowledged write there exactly once and whole, none lost, none doubled, every restart up.
// Writes bench/results/durability-YYYYMMDD-HHmmss.json and latest-durability.json.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { checkStored } from './durability-check.mjs';
import { createServerLife } from './durability-server.mjs';
import { createLedger, runWriters } from './durability-writes.mjs';
import { createBenchDatabase, dropBenchDatabase, planBenchDatabase } from './postgres.mjs';
import { createRandom } from './random.mjs';
import {
  describeCommand,
  describeMachine,
  describeRevision,
  firstLine,
  guardBench,
  measure,
  printSummary,
  writeResult,
} from './report.mjs';
import { cleanUpAfterInterrupt, onInterrupt } from './server.mjs';
import { round } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    databases: { type: 'string', default: 'pglite,postgres' },
    kills: { type: 'string', default: '10' },
    seed: { type: 'string', default: '20261204' },
    quick: { type: 'boolean', default: false },
  },
});
const settings = {
  databases: args.databases.split(',').map((d) => d.trim()),
  kills: args.quick ? 3 : Number(args.kills),
  seed: Number(args.seed),
  // This share of the kills falls during start-up (the first always: an empty database,
  // migrations and the demo seed); the others after this many seconds of writes.
  startupKillShare: 0.4,
  runSeconds: args.quick ? [0.5, 2] : [1, 8],
  // Writers of each kind at once.
  lanes: { cases: 2, sheet: 2, workshop: 2, plans: 2 },
  // Writes after the last start, so that every writer has come back and checked its own writes.
  finalSeconds: args.quick ? 2 : 4,
  readyTimeoutMs: 120_000,
};
if (
  !settings.databases.every((d) => d === 'pglite' || d === 'postgres') ||
  !Number.isInteger(settings.kills) ||
  settings.kills < 1
) {
  console.error('bench: --databases takes pglite and/or postgres, --kills a whole number of at least 1');
  process.exit(2);
}
guardBench(40 * 60_000, cleanUpAfterInterrupt);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Where the kills fall: the first during the very first start, and as many others again as make
 * up startupKillShare of them during later starts (at random places in the run); the rest after
 * some seconds of writes.
 */
function planKills(random) {
  const startups = Math.max(1, Math.round(settings.kills * settings.startupKillShare));
  const later = random.shuffle(Array.from({ length: settings.kills - 1 }, (_, i) => i + 1)).slice(0, startups - 1);
  const atStartup = new Set([0, ...later]);
  return Array.from({ length: settings.kills }, (_, i) =>
    atStartup.has(i)
      ? { planned: 'start-up', fraction: random.between(0.05, 0.9) }
      : { planned: 'running', afterReadySeconds: random.between(...settings.runSeconds) },
  );
}

async function openDatabaseFor(kind, context) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kn-durability-'));
    const forget = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
    return {
      label: 'PGlite (a fresh DATA_DIR, removed afterwards)',
      env: { DATA_DIR: dir, SEED_DEMO: 'true' },
      firstStartEstimateMs: 4000,
      async read(fn) {
        const { PGlite } = await import('@electric-sql/pglite');
        const db = await PGlite.create(path.join(dir, 'pglite'));
        try {
          return await fn(async (sql, params) => (await db.query(sql, params)).rows);
        } finally {
          await db.close();
        }
      },
      async remove() {
        rmSync(dir, { recursive: true, force: true });
        forget();
      },
    };
  }
  const plan = planBenchDatabase();
  context.postgres = await createBenchDatabase(plan);
  const forget = onInterrupt(() => dropBenchDatabase(plan));
  return {
    label: `PostgreSQL ${context.postgres} (${plan.shownUrl}, dropped afterwards)`,
    env: { DATABASE_URL: plan.targetUrl, SEED_DEMO: 'true' },
    firstStartEstimateMs: 1500,
    async read(fn) {
      const client = new pg.Client({ connectionString: plan.targetUrl });
      await client.connect();
      try {
        return await fn(async (sql, params) => (await client.query(sql, params)).rows);
      } finally {
        await client.end();
      }
    },
    async remove() {
      await dropBenchDatabase(plan).catch(() => {});
      forget();
    },
  };
}

const countStatuses = (ledger) => {
  const counts = { sent: 0, acked: 0, cut: 0, timeout: 0, refused: 0 };
  for (const map of [...Object.values(ledger.entries), ledger.steps])
    for (const entry of map.values()) counts[entry.status]++;
  return counts;
};

async function proveDatabase(kind, context) {
  const random = createRandom(settings.seed + (kind === 'pglite' ? 0 : 1));
  const database = await openDatabaseFor(kind, context);
  const life = await createServerLife({ env: database.env, readyTimeoutMs: settings.readyTimeoutMs });
  const runId = randomBytes(3).toString('hex');
  const ledger = createLedger();
  const writerErrors = [];
  const writers = runWriters({
    life,
    ledger,
    runId,
    lanes: settings.lanes,
    onError: (lane, error) => writerErrors.push({ lane, message: firstLine(error.message) }),
  });
  const starts = [];
  const kills = [];
  let failedStarts = 0;
  // A start-up kill falls at a random share of 80 % of the quickest start seen so far, so that it
  // lands before the health check answers.
  let estimateMs = database.firstStartEstimateMs;
  const proofStarted = performance.now();
  try {
    /** One start; resolves true when it became ready (the caller kills it), false when it failed. */
    const startOnce = async (kill) => {
      const handle = life.start();
      const spawnedAt = performance.now();
      const record = { planned: kill?.planned ?? 'final' };
      starts.push(record);
      let outcome;
      if (kill?.planned === 'start-up') {
        const killAt = kill.fraction * 0.8 * estimateMs;
        outcome = await Promise.race([handle.settled, sleep(killAt).then(() => null)]);
        if (outcome && !outcome.ready) return failed(record, outcome);
        if (outcome?.ready) await sleep(Math.max(0, killAt - (performance.now() - spawnedAt)));
      } else {
        outcome = await handle.settled;
        if (!outcome.ready) return failed(record, outcome);
        record.readyMs = round(outcome.readyMs, 0);
        estimateMs = Math.min(estimateMs, outcome.readyMs);
        if (!kill) return true;
        await sleep(kill.afterReadySeconds * 1000);
      }
      const wasUp = handle.ready;
      const inFlight = countStatuses(ledger).sent;
      await life.kill();
      kills.push({
        n: kills.length + 1,
        phase: wasUp ? 'running' : 'start-up',
        atMsAfterSpawn: round(performance.now() - spawnedAt, 0),
        writesInFlight: inFlight,
      });
      record.killed = wasUp ? 'running' : 'start-up';
      if (outcome?.ready) {
        record.readyMs = round(outcome.readyMs, 0);
        estimateMs = Math.min(estimateMs, outcome.readyMs);
      }
      return true;
    };
    const failed = async (record, outcome) => {
      failedStarts++;
      record.failed = outcome.reason;
      record.output = outcome.output?.trim().split('\n').slice(-15).join('\n');
      await life.kill();
      return false;
    };

    let consecutiveFailures = 0;
    for (const kill of planKills(random)) {
      while (!(await startOnce(kill))) {
        if (++consecutiveFailures >= 3) throw new Error(`the server failed to start 3 times in a row`);
      }
      consecutiveFailures = 0;
    }
    while (!(await startOnce(null))) {
      if (++consecutiveFailures >= 3) throw new Error(`the server failed to start 3 times in a row`);
    }
    await sleep(settings.finalSeconds * 1000);
    life.finish();
    await writers;
    const stopped = await life.stop();
    const writes = countStatuses(ledger);
    const stored = await database.read((query) =>
      checkStored(query, ledger, { runId, sheetItems: ledger.round.items, roundId: ledger.round.id }),
    );
    const failedChecks = ledger.checks.filter((c) => !c.ok);
    return {
      database: database.label,
      runId,
      seconds: round((performance.now() - proofStarted) / 1000, 1),
      kills,
      killsDuringStartup: kills.filter((k) => k.phase === 'start-up').length,
      starts,
      restarts: starts.length - 1,
      failedRestarts: failedStarts,
      stoppedCleanly: stopped?.code === 0,
      writes,
      checksAfterKill: {
        count: ledger.checks.length,
        failed: failedChecks.length,
        failures: failedChecks.slice(0, 10),
      },
      stored,
      refusedAnswers: ledger.errors.slice(0, 20),
      refusedCount: ledger.errors.length,
      writerErrors: writerErrors.slice(0, 20),
      writerErrorCount: writerErrors.length,
    };
  } finally {
    life.finish();
    await life.kill().catch(() => {});
    await database.remove();
  }
}

const isClean = (r) =>
  !r.error &&
  r.stored.total.lost === 0 &&
  r.stored.total.doubled === 0 &&
  r.stored.total.notWhole === 0 &&
  r.stored.total.refusedButStored === 0 &&
  r.failedRestarts === 0 &&
  r.checksAfterKill.failed === 0 &&
  r.refusedCount === 0 &&
  r.writerErrorCount === 0;

function summaryRows(kind, r) {
  if (r.error) return [[kind, 'error', '', '', '', '', '', firstLine(r.error)]];
  const t = r.stored.total;
  return [
    [
      kind,
      String(t.acknowledged),
      String(t.found),
      String(t.lost),
      String(t.doubled),
      String(t.notWhole),
      String(r.failedRestarts),
      `${r.kills.length} kills (${r.killsDuringStartup} in start-up); cut ${t.cut.present} there, ${t.cut.absent} not; ` +
        `${r.refusedCount} refused, ${r.writerErrorCount} writer errors; ${isClean(r) ? 'ok' : 'FAILED'}`,
    ],
  ];
}

const startedAt = new Date();
const started = performance.now();
const context = {};
const machine = describeMachine();
const figures = {};
for (const kind of settings.databases) {
  figures[kind] = await measure(`durability on ${kind}: ${settings.kills} kills`, () => proveDatabase(kind, context));
}
const report = {
  name: 'durability',
  command: describeCommand('proof:durability', 'durability.mjs'),
  date: startedAt.toISOString(),
  revision: describeRevision(),
  machine: { ...machine, postgres: context.postgres ?? null },
  settings,
  figures,
  benchSeconds: round((performance.now() - started) / 1000, 1),
};
const files = writeResult(report, startedAt);
printSummary(
  report,
  ['database', 'acknowledged', 'found', 'lost', 'doubled', 'not whole', 'failed restarts', 'detail'],
  settings.databases.flatMap((kind) => summaryRows(kind, figures[kind])),
  files,
);
process.exit(settings.databases.every((kind) => isClean(figures[kind])) ? 0 : 1);
