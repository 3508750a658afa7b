// npm run bench:rounds -- [--responses N] [--previous N] [--requests N] [--connections N] [--quick]
// Rounds at the size of a city hall on PostgreSQL: how fast an org admin reads the results of a
// closed round of 10,000 responses × 30 items, and how many responses per second the server takes
// when 100 people submit at once. Writes bench/results/rounds-YYYYMMDD-HHmmss.json (and
// latest-rounds.json) and prints a table.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createBenchDatabase, dropBenchDatabase, planBenchDatabase } from './postgres.mjs';
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
import { apiClient, seedRoundsOrg } from './rounds-data.mjs';
import { explainAnswerCells, measureFirstRead, measureSubmit, measureViews, openRound } from './rounds-load.mjs';
import { cleanUpAfterInterrupt, onInterrupt, startServer } from './server.mjs';
import { round } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    responses: { type: 'string', default: '10000' },
    previous: { type: 'string', default: '8000' },
    members: { type: 'string' },
    requests: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '100' },
    submits: { type: 'string', default: '2500' },
    quick: { type: 'boolean', default: false },
  },
});
const responses = args.quick ? 1000 : Number(args.responses);
const submits = args.quick ? 300 : Number(args.submits);
const connections = Number(args.connections);
const settings = {
  responses,
  previousResponses: args.quick ? 800 : Number(args.previous),
  // A response rate of 80 %: the organisation has a quarter more members than the round has responses.
  members: args.members ? Number(args.members) : Math.ceil(responses * 1.25),
  requestsPerView: args.quick ? 10 : Number(args.requests),
  // A view slower than budget ÷ requests stops early, but never with fewer samples than this.
  minRequestsPerView: args.quick ? 10 : Math.min(20, Number(args.requests)),
  viewBudgetSeconds: args.quick ? 5 : 20,
  warmupPerView: args.quick ? 2 : Number(args.warmup),
  firstReads: args.quick ? 3 : 10,
  connections,
  submits,
  submitWarmup: Math.max(connections, Math.round(submits / 25)),
};
// Members with a session who answer the open round: the measured and warm-up requests, with room to spare.
settings.submitters = Math.ceil((settings.submits + settings.submitWarmup) * 1.1) + connections;
if (
  Object.values(settings).some((v) => !Number.isInteger(v) || v < 1) ||
  settings.previousResponses > settings.members - 1 ||
  settings.responses > settings.members - 1 ||
  settings.submitters > settings.members - 1 ||
  settings.connections > settings.submits
) {
  console.error(
    'bench: --responses, --previous, --members, --requests, --warmup, --connections and --submits take whole numbers ' +
      'of at least 1; responses and submitters must fit among the members, connections within --submits',
  );
  process.exit(2);
}

// Generating and loading the data takes about a minute on two cores; nothing holds the bench past this.
guardBench(420_000, cleanUpAfterInterrupt);

const RESULTS_TARGET_MS = 300;

function viewsOf(seed) {
  const org = `/api/orgs/${seed.orgId}`;
  const roundPath = `${org}/rounds/${seed.currentRoundId}`;
  const shown = (path) =>
    path
      .replaceAll(seed.orgId, '{orgId}')
      .replaceAll(seed.currentRoundId, '{roundId}')
      .replaceAll(seed.bureauId, '{bureauId}')
      .replaceAll(seed.templateId, '{templateId}');
  const json = (response) => JSON.parse(response.body.toString());
  const resultsCheck = (expected) => (response) => {
    const body = json(response);
    if (body.group.withheld) throw new Error(`results withheld (${body.group.withheldReason})`);
    if (expected !== undefined && body.group.responseCount !== expected)
      throw new Error(`results counted ${body.group.responseCount} responses, not ${expected}`);
    if (!body.compare || body.items.some((item) => !item.previous))
      throw new Error('results carry no comparison with the previous round');
    return `${body.group.responseCount} responses, ${body.items.length} items with the previous round's medians, ${body.positions.length} positions`;
  };
  const views = [
    {
      label: 'results, whole round',
      path: `${roundPath}/results`,
      targetP95Ms: RESULTS_TARGET_MS,
      check: resultsCheck(seed.facts.currentResponses),
    },
    {
      label: 'results, one 部',
      path: `${roundPath}/results?departmentId=${seed.bureauId}`,
      targetP95Ms: RESULTS_TARGET_MS,
      check: resultsCheck(),
    },
    {
      label: 'results, section chiefs',
      path: `${roundPath}/results?position=section_chief`,
      targetP95Ms: RESULTS_TARGET_MS,
      check: resultsCheck(),
    },
    {
      label: 'unit spread',
      path: `${roundPath}/unit-spread`,
      targetP95Ms: RESULTS_TARGET_MS,
      check: (response) => {
        const body = json(response);
        if (body.shownUnits === 0) throw new Error('unit spread shows no unit');
        return `${body.shownUnits} units shown, ${body.withheldUnits} withheld`;
      },
    },
    {
      label: "a 部's trend",
      path: `${org}/departments/${seed.bureauId}/sheet-trend?templateId=${seed.templateId}`,
      targetP95Ms: RESULTS_TARGET_MS,
      check: (response) => {
        const body = json(response);
        const shownRounds = body.rounds.filter((r) => r.medians).length;
        if (shownRounds !== 2) throw new Error(`trend shows ${shownRounds} rounds, not 2`);
        return `${shownRounds} rounds with medians`;
      },
    },
    {
      label: 'results as xlsx',
      path: `${roundPath}/export?format=xlsx`,
      check: (response) => {
        if (!response.type?.includes('spreadsheetml') || response.body.length < 1000)
          throw new Error(`export answered ${response.type} with ${response.body.length} bytes`);
        return `xlsx workbook of ${response.body.length} bytes`;
      },
    },
  ];
  return views.map((view) => ({ ...view, shownPath: shown(view.path) }));
}

/** The first 部 whose results are shown: the anonymity rule may withhold a small one (in --quick runs). */
async function pickShownBureau(baseUrl, seed) {
  const api = apiClient(baseUrl, seed.adminCookie);
  const results = await api('GET', `/api/orgs/${seed.orgId}/rounds/${seed.currentRoundId}/results`);
  const shown = results.departmentFilters.find((d) => seed.bureauIds.includes(d.id) && !d.withheld);
  if (!shown) throw new Error('every 部 is withheld; the round has too few responses');
  return shown.id;
}

async function measureRounds(context) {
  let plan;
  try {
    plan = planBenchDatabase();
    context.postgres = await createBenchDatabase(plan);
  } catch (error) {
    return { skipped: true, reason: `PostgreSQL unavailable: ${error.message || error.code || String(error)}` };
  }
  const forget = onInterrupt(() => dropBenchDatabase(plan));
  const db = new pg.Pool({ connectionString: plan.targetUrl, max: 2 });
  // Dropping the database on an interrupt ends the pool's idle connections: expected, not a crash.
  db.on('error', () => {});
  let server;
  try {
    // No demo data: the bench makes its own organisation. The server migrates the empty database.
    server = await startServer({ env: { DATABASE_URL: plan.targetUrl, SEED_DEMO: 'false' } });
    const seedStarted = performance.now();
    const seed = await seedRoundsOrg(db, server.baseUrl, settings);
    const seedSeconds = round((performance.now() - seedStarted) / 1000, 1);
    seed.bureauId = await pickShownBureau(server.baseUrl, seed);
    process.stdout.write(`\n  data: ${seed.facts.answerRows} answers in ${seedSeconds} s; views … `);
    const firstRead = await measureFirstRead({
      baseUrl: server.baseUrl,
      cookie: seed.adminCookie,
      db,
      orgId: seed.orgId,
      path: `/api/orgs/${seed.orgId}/rounds/${seed.currentRoundId}/results`,
      requests: settings.firstReads,
    });

    const views = await measureViews({
      baseUrl: server.baseUrl,
      cookie: seed.adminCookie,
      views: viewsOf(seed),
      requests: settings.requestsPerView,
      minRequests: settings.minRequestsPerView,
      warmup: settings.warmupPerView,
      budgetSeconds: settings.viewBudgetSeconds,
    });
    const answerCells = await explainAnswerCells(db, seed.orgId, [seed.currentRoundId, seed.previousRoundId]);
    process.stdout.write(`submit at ${settings.connections} connections … `);

    const openRoundId = await openRound({ ...seed, baseUrl: server.baseUrl, cookie: seed.adminCookie });
    const submit = await measureSubmit({
      baseUrl: server.baseUrl,
      db,
      orgId: seed.orgId,
      roundId: openRoundId,
      submitters: seed.submitters,
      items: seed.items,
      connections: settings.connections,
      amount: settings.submits,
      warmupAmount: settings.submitWarmup,
    });
    return {
      skipped: false,
      database: `PostgreSQL ${context.postgres} (${plan.shownUrl}, dropped afterwards)`,
      data: { ...seed.facts, seconds: seedSeconds },
      views,
      firstRead,
      answerCells,
      submit,
    };
  } finally {
    await server?.stop();
    await db.end().catch(() => {});
    forget();
    await dropBenchDatabase(plan).catch(() => {});
  }
}

function summaryRows(result) {
  if (result.error) return [['rounds', 'error', '', '', firstLine(result.error), '']];
  if (result.skipped) return [['rounds', 'skipped', '', '', firstLine(result.reason), '']];
  const rows = result.views.map((v) => [
    `GET ${v.label}`,
    `${v.latencyMs.p50} ms`,
    `${v.latencyMs.p95} ms`,
    v.targetP95Ms ? `< ${v.targetP95Ms} ms` : '—',
    `max ${v.latencyMs.max} ms; ${v.requests} in a row; ${v.checked}`,
    verdict(v.latencyMs.p95, v.targetP95Ms ?? Number.POSITIVE_INFINITY),
  ]);
  rows.push([
    'GET results, first read after close',
    `${result.firstRead.latencyMs.p50} ms`,
    `${result.firstRead.latencyMs.p95} ms`,
    '',
    `max ${result.firstRead.latencyMs.max} ms; ${result.firstRead.requests} in a row; counts both rounds and stores their tallies`,
    '',
  ]);
  const s = result.submit;
  const failures = s.non2xx + s.errors + s.timeouts;
  rows.push([
    `POST my-response, ${s.connections} conn`,
    `${s.latencyMs.p50} ms`,
    `${s.latencyMs.p95} ms`,
    'no errors',
    `${s.requestsPerSecond.overall} req/s; p99 ${s.latencyMs.p99} ms; ${failures} errors or non-2xx; ` +
      `${s.stored.submitted} stored of ${s.stored.expectedResponses} expected`,
    failures === 0 && s.stored.verified ? 'ok' : 'ERRORS',
  ]);
  rows.push([
    'live count query (EXPLAIN ANALYZE)',
    `${result.answerCells.executionMs} ms`,
    '',
    '',
    `as an open round is read; both rounds, ${result.data.answerRows} answer rows`,
    '',
  ]);
  return rows;
}

const startedAt = new Date();
const started = performance.now();
const context = {};
const machine = describeMachine();
const rounds = await measure(
  `rounds on PostgreSQL: ${settings.responses} + ${settings.previousResponses} responses, then ${settings.submits} submits`,
  () => measureRounds(context),
);
const report = {
  name: 'rounds',
  command: describeCommand('bench:rounds', 'rounds.mjs'),
  date: startedAt.toISOString(),
  revision: describeRevision(),
  machine: { ...machine, postgres: context.postgres ?? null },
  settings,
  figures: { rounds },
  benchSeconds: round((performance.now() - started) / 1000, 1),
};
const files = writeResult(report, startedAt);
printSummary(report, ['figure', 'p50', 'p95', 'target', 'detail', ''], summaryRows(rounds), files);
const failed =
  rounds.error ||
  (!rounds.skipped && (!rounds.submit.stored.verified || rounds.submit.non2xx + rounds.submit.errors > 0));
process.exit(failed ? 1 : 0);
