// npm run bench:load -- [--connections 50,200] [--seconds 60] [--warmup 10] [--quick]
// An API mix on PostgreSQL as many people use it at once: browsing and searching the national
// library of cases, opening one, saving a step-up sheet response, reporting and submitting a case.
// Each connection is a closed loop (send, wait for the answer, send the next) that speaks for its
// own share of the people, so no two connections write as the same person. Per class and overall:
// throughput, p50/p95/p99 latency, non-2xx answers and errors; the server's RSS every second.
// Writes bench/results/load-YYYYMMDD-HHmmss.json.
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedLoadData } from './load-data.mjs';
import { createBenchDatabase, dropBenchDatabase, planBenchDatabase } from './postgres.mjs';
import { cpuSeconds, postgresCpu, rssMb } from './process-stats.mjs';
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
import { cleanUpAfterInterrupt, onInterrupt, startServer } from './server.mjs';
import { median, percentile, round } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '50,200' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    quick: { type: 'boolean', default: false },
  },
});
const settings = {
  connections: (args.quick ? '20,50' : args.connections).split(',').map(Number),
  seconds: args.quick ? 8 : Number(args.seconds),
  warmupSeconds: args.quick ? 3 : Number(args.warmup),
  cases: args.quick ? 5000 : 50_000,
  cities: 4,
  membersPerCity: args.quick ? 300 : 1500,
  answeredShare: 0.3,
  // Of every hundred actions: mostly reading, some answering, a few new cases.
  mix: { browse: 30, search: 25, open: 33, save: 10, submit: 2 },
  targetErrors: 0,
};
if (!settings.connections.every((c) => Number.isInteger(c) && c > 0) || !(settings.seconds >= 2)) {
  console.error('bench: --connections takes whole numbers (e.g. 50,200), --seconds at least 2');
  process.exit(2);
}
guardBench(40 * 60_000, cleanUpAfterInterrupt);

function send(agent, baseUrl, method, path, cookie, body) {
  return new Promise((resolve) => {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const started = performance.now();
    const req = http.request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: { cookie, ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}) },
        timeout: 30_000,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, ms: performance.now() - started, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, error: error.message }));
    if (data) req.write(data);
    req.end();
  });
}

/** The actions of the mix; each returns its requests' answers under their class names. */
function createActions(data, baseUrl, agent) {
  const answersFor = (random, round) =>
    round.items.map((item) => ({
      itemKey: item.key,
      level: random.int(1, item.levels),
      comment: random.chance(0.1) ? '係内で話し合いたい。' : null,
    }));
  return {
    async browse(random, person) {
      const offset = 20 * random.int(0, 4);
      return [
        [
          'browse',
          await send(
            agent,
            baseUrl,
            'GET',
            `/api/orgs/${person.orgId}/cases?sort=date&offset=${offset}`,
            person.session.cookie,
          ),
        ],
      ];
    },
    async search(random, person) {
      const q = encodeURIComponent(random.pick(data.terms));
      return [
        ['search', await send(agent, baseUrl, 'GET', `/api/orgs/${person.orgId}/cases?q=${q}`, person.session.cookie)],
      ];
    },
    async open(random, person) {
      const id = random.pick(data.casesFor.get(person.orgId));
      return [
        ['open', await send(agent, baseUrl, 'GET', `/api/orgs/${person.orgId}/cases/${id}`, person.session.cookie)],
      ];
    },
    async save(random, person) {
      // A new respondent starts their response; after that each save updates it.
      const round = data.rounds.get(person.orgId);
      const answer = await send(
        agent,
        baseUrl,
        person.hasResponse ? 'PUT' : 'POST',
        `/api/orgs/${person.orgId}/rounds/${round.id}/my-response`,
        person.session.cookie,
        {
          position: person.position,
          departmentId: person.departmentId,
          mostImportantItemKey: random.pick(round.items).key,
          answers: answersFor(random, round),
          submit: random.chance(0.3),
        },
      );
      if (answer.status === 200 || answer.status === 201) person.hasResponse = true;
      return [['save answer', answer]];
    },
    async submit(random, person) {
      const created = await send(agent, baseUrl, 'POST', `/api/orgs/${person.orgId}/cases`, person.session.cookie, {
        title: `窓口の待ち時間を減らす工夫 ${random.int(1, 1e9)}`,
        problem: '申請書の記入で窓口が混み合っていた。',
        action: '記入例を置き、よくある質問を掲示した。',
        result: '待ち時間が短くなった。',
        happenedOn: '2026-10-01',
        departmentId: person.departmentId,
        effects: [{ kind: 'waiting_minutes', actual: random.int(1, 30) }],
      });
      if (created.status !== 201) return [['report case', created]];
      const { id } = JSON.parse(created.body);
      const submitted = await send(
        agent,
        baseUrl,
        'POST',
        `/api/orgs/${person.orgId}/cases/${id}/review`,
        person.session.cookie,
        {
          action: 'submit',
        },
      );
      return [
        ['report case', created],
        ['submit case', submitted],
      ];
    },
  };
}

/** Runs the mix over `connections` closed loops for `seconds`; returns the answers that finished in time. */
async function runMix({ data, baseUrl, connections, seconds, seed }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const actions = createActions(data, baseUrl, agent);
  const weights = Object.entries(settings.mix);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const answers = [];
  const loops = Array.from({ length: connections }, async (_, c) => {
    const random = createRandom(seed + c);
    const people = data.people.filter((_, i) => i % connections === c);
    let next = random.int(0, people.length - 1);
    while (performance.now() < deadline) {
      const person = people[next++ % people.length];
      const results = await actions[random.weighted(weights)](random, person);
      const at = performance.now();
      if (at <= deadline) for (const [name, answer] of results) answers.push({ name, at: at - started, ...answer });
    }
  });
  await Promise.all(loops);
  agent.destroy();
  return answers;
}

function summarise(answers, seconds) {
  const ms = answers.map((a) => a.ms);
  const ok = answers.filter((a) => a.status >= 200 && a.status < 300).length;
  const statuses = {};
  for (const a of answers) if (a.status < 200 || a.status >= 300) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const perSecond = Array.from({ length: Math.ceil(seconds) }, () => 0);
  for (const a of answers) perSecond[Math.min(perSecond.length - 1, Math.floor(a.at / 1000))]++;
  return {
    requests: answers.length,
    requestsPerSecond: { mean: round(answers.length / seconds, 1), median: round(median(perSecond), 1) },
    latencyMs: {
      p50: round(percentile(ms, 50), 1),
      p95: round(percentile(ms, 95), 1),
      p99: round(percentile(ms, 99), 1),
      max: round(percentile(ms, 100), 1),
    },
    ok2xx: ok,
    non2xx: answers.length - ok - answers.filter((a) => a.status === 0).length,
    errors: answers.filter((a) => a.status === 0).length,
    statuses,
    examples: answers
      .filter((a) => a.status < 200 || a.status >= 300)
      .slice(0, 5)
      .map((a) => ({ class: a.name, status: a.status, body: firstLine(a.body ?? a.error ?? '') })),
  };
}

async function measureLoad(context) {
  const plan = planBenchDatabase();
  try {
    context.postgres = await createBenchDatabase(plan);
  } catch (error) {
    return { skipped: true, reason: `PostgreSQL unavailable: ${error.message || error.code || String(error)}` };
  }
  const forget = onInterrupt(() => dropBenchDatabase(plan));
  const db = new pg.Pool({ connectionString: plan.targetUrl, max: 2 });
  db.on('error', () => {});
  let server;
  try {
    server = await startServer({ env: { DATABASE_URL: plan.targetUrl, SEED_DEMO: 'false' } });
    const loadStarted = performance.now();
    const data = await seedLoadData(db, server.baseUrl, settings, (step) => process.stdout.write(`${step}; `));
    const loadSeconds = round((performance.now() - loadStarted) / 1000, 1);
    const pid = server.child.pid;
    const rssIdle = rssMb(pid);
    const phases = [];
    for (const [i, connections] of settings.connections.entries()) {
      process.stdout.write(
        `\n  ${connections} connections: warm-up ${settings.warmupSeconds} s, then ${settings.seconds} s … `,
      );
      await runMix({ data, baseUrl: server.baseUrl, connections, seconds: settings.warmupSeconds, seed: 1000 * i });
      const rss = [];
      const sample = () => rss.push(rssMb(pid));
      sample();
      const timer = setInterval(sample, 1000);
      const postgres = postgresCpu(plan.targetUrl);
      await postgres.start();
      const cpuAtStart = { server: cpuSeconds(pid), bench: process.cpuUsage() };
      const answers = await runMix({
        data,
        baseUrl: server.baseUrl,
        connections,
        seconds: settings.seconds,
        seed: 1000 * i + 500,
      });
      const benchCpu = process.cpuUsage(cpuAtStart.bench);
      const cpuSecondsUsed = {
        server: round(cpuSeconds(pid) - cpuAtStart.server, 1),
        postgres: await postgres.stop(),
        bench: round((benchCpu.user + benchCpu.system) / 1e6, 1),
        loadAverage1mAtEnd: round(os.loadavg()[0], 2),
      };
      clearInterval(timer);
      sample();
      const classes = {};
      for (const name of [...new Set(answers.map((a) => a.name))].sort())
        classes[name] = summarise(
          answers.filter((a) => a.name === name),
          settings.seconds,
        );
      phases.push({
        connections,
        seconds: settings.seconds,
        overall: summarise(answers, settings.seconds),
        classes,
        serverRssMb: { atStart: rss[0], atEnd: rss.at(-1), max: Math.max(...rss), min: Math.min(...rss), samples: rss },
        // Of the cores' time during the run (2 × seconds here): the server, its PostgreSQL backends, the bench.
        cpuSecondsUsed,
      });
    }
    const { rows } = await db.query(
      `select (select count(*) from sheet_responses)::int as responses,
              (select count(*) from kaizen_cases where status = 'submitted')::int as submitted,
              (select count(*) from mails)::int as mails`,
    );
    return {
      skipped: false,
      database: `PostgreSQL ${context.postgres} (${plan.shownUrl}, dropped afterwards)`,
      data: data.facts,
      loadSeconds,
      serverRssIdleMb: rssIdle,
      phases,
      afterwards: rows[0],
    };
  } finally {
    await server?.stop();
    await db.end().catch(() => {});
    forget();
    await dropBenchDatabase(plan).catch(() => {});
  }
}

function summaryRows(result) {
  if (result.error) return [['load', 'error', '', '', '', '', '', firstLine(result.error)]];
  if (result.skipped) return [['load', 'skipped', '', '', '', '', '', firstLine(result.reason)]];
  const rows = [];
  for (const phase of result.phases) {
    const row = (label, s, detail) => [
      label,
      `${s.requestsPerSecond.mean}/s`,
      `${s.latencyMs.p50} ms`,
      `${s.latencyMs.p95} ms`,
      `${s.latencyMs.p99} ms`,
      String(s.non2xx + s.errors),
      detail,
    ];
    const r = phase.serverRssMb;
    rows.push(
      row(
        `${phase.connections} conns: all`,
        phase.overall,
        `RSS ${r.atStart} → ${r.atEnd} MB, max ${r.max} MB; CPU s: server ${phase.cpuSecondsUsed.server}, PostgreSQL ${phase.cpuSecondsUsed.postgres}, bench ${phase.cpuSecondsUsed.bench}`,
      ),
    );
    for (const [name, s] of Object.entries(phase.classes)) rows.push(row(`  ${name}`, s, `${s.requests} requests`));
  }
  return rows;
}

const startedAt = new Date();
const started = performance.now();
const context = {};
const machine = describeMachine();
const load = await measure(
  `API mix on PostgreSQL at ${settings.connections.join(' and ')} connections, ${settings.seconds} s each`,
  () => measureLoad(context),
);
const report = {
  name: 'load',
  command: describeCommand('bench:load', 'load.mjs'),
  date: startedAt.toISOString(),
  revision: describeRevision(),
  machine: { ...machine, postgres: context.postgres ?? null },
  settings,
  figures: { load },
  benchSeconds: round((performance.now() - started) / 1000, 1),
};
const files = writeResult(report, startedAt);
printSummary(report, ['figure', 'throughput', 'p50', 'p95', 'p99', 'errors', 'detail'], summaryRows(load), files);
const failed = load.error || load.phases?.some((p) => p.overall.non2xx + p.overall.errors > settings.targetErrors);
process.exit(failed ? 1 : 0);
