// npm run bench:cases -- [--cases N] [--repeat N] [--quick]
// Japanese case search at national scale on PostgreSQL: 1,000,000 published cases of 1,788 local
// governments over ten fiscal years. A query mix whose classes state their selectivity (rare terms,
// common terms, 2-character words, several words, mixed scripts; each with and without facets),
// timed through the API with the first page and every facet count, beside the same terms as
// `ILIKE '%…%'` scans on the same data. A match of more than 2,500 cases is counted over a sample
// (the API marks its total and facet counts as estimates); each query records whether it was.
// Writes bench/results/cases-YYYYMMDD-HHmmss.json.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { mixedTerms, seedCases } from './cases-data.mjs';
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
import { newSession } from './rounds-data.mjs';
import { cleanUpAfterInterrupt, onInterrupt, startServer } from './server.mjs';
import { median, percentile, round } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    repeat: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
  },
});
const settings = {
  cases: args.quick ? 20_000 : Number(args.cases),
  // Each query of a class is timed this many times after one warm-up request.
  repeat: args.quick ? 2 : Number(args.repeat),
  queriesPerClass: args.quick ? 4 : 8,
  ilikeQueriesPerClass: args.quick ? 2 : 3,
  targetP95Ms: 100,
};
if (
  !Number.isInteger(settings.cases) ||
  settings.cases < 1000 ||
  !Number.isInteger(settings.repeat) ||
  settings.repeat < 1
) {
  console.error('bench: --cases must be at least 1000 and --repeat at least 1');
  process.exit(2);
}
guardBench(60 * 60_000, cleanUpAfterInterrupt);

const facetFilter = 'policyField=counter&fiscalYear=2024';

/** Terms whose case count lies in [low, high) of all cases, spread over that range. */
function termsBetween(termCases, total, low, high, count, accept = () => true) {
  const found = [...termCases]
    .filter(([term, n]) => n >= low * total && n < high * total && accept(term))
    .sort((a, b) => a[1] - b[1]);
  if (found.length <= count) return found.map(([term]) => term);
  const step = found.length / count;
  return Array.from({ length: count }, (_, i) => found[Math.floor(i * step)][0]);
}

function buildQueryMix(seeded, total, perClass) {
  const { termCases } = seeded;
  const rare = termsBetween(termCases, total, 2 / total, 0.001, perClass);
  const common = termsBetween(termCases, total, 0.05, 0.1, perClass);
  const twoChar = termsBetween(termCases, total, 0.0005, 0.2, perClass, (t) => [...t].length === 2);
  const middle = termsBetween(termCases, total, 0.01, 0.05, perClass * 2);
  const multi = Array.from(
    { length: perClass },
    (_, i) => `${middle[i % middle.length]} ${middle[(i * 7 + 3) % middle.length]}`,
  );
  const typed = {
    RPA: 'ｒｐａ',
    'AI-OCR': 'ＡＩ－ＯＣＲ',
    LINE: 'ＬＩＮＥ',
    Excel: 'ＥＸＣＥＬ',
    GIS: 'ｇｉｓ',
    SNS: 'ＳＮＳ',
  };
  const mixed = mixedTerms.slice(0, perClass).map((t) => typed[t] ?? t);
  const classes = [
    { name: 'rare term', selectivity: '< 0.1 % of cases', queries: rare },
    { name: 'common term', selectivity: '5–10 % of cases', queries: common },
    { name: '2-character word', selectivity: '0.05–20 % of cases', queries: twoChar },
    { name: 'several words', selectivity: 'two terms of 1–5 % each', queries: multi },
    { name: 'mixed script', selectivity: 'about 0.7 % each, typed full-width or lower case', queries: mixed },
  ];
  return [
    ...classes.flatMap((c) => [
      { ...c, facets: false },
      { ...c, name: `${c.name} + facets`, facets: true },
    ]),
    // Newest first is the other order people use; over a broad match it is still exact.
    { name: 'common term, newest first', selectivity: '5–10 % of cases', queries: common, facets: false, sort: 'date' },
  ];
}

async function timedGet(baseUrl, path, cookie) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const body = await response.json();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body)}`);
  return { ms, body };
}

const summary = (samples) => ({
  p50: round(median(samples), 1),
  p95: round(percentile(samples, 95), 1),
  max: round(Math.max(...samples), 1),
});

/** The same term as a substring scan over the four text fields, with the first page and the count. */
async function ilikeScan(db, orgId, term) {
  const pattern = `%${term.split(' ')[0].replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `(org_id = $2 or (status = 'published' and sharing in ('network', 'public')))
    and (title ilike $1 or problem ilike $1 or action ilike $1 or result ilike $1)`;
  const started = performance.now();
  const [page, count] = await Promise.all([
    db.query(`select id, title from kaizen_cases where ${where} order by happened_on desc, id limit 20`, [
      pattern,
      orgId,
    ]),
    db.query(`select count(*)::int as n from kaizen_cases where ${where}`, [pattern, orgId]),
  ]);
  return { ms: performance.now() - started, matches: count.rows[0].n, firstPage: page.rows.length };
}

async function measureCases(context) {
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
    // A GIN index is built much faster once over all rows than row by row while loading.
    await db.query('drop index kaizen_cases_search_idx');
    await db.query('drop index kaizen_cases_happened_idx');
    const loadStarted = performance.now();
    let shown = 0;
    const seeded = await seedCases(db, {
      caseCount: settings.cases,
      onProgress: (n) => {
        if (n - shown >= settings.cases / 10 || n === settings.cases) {
          shown = n;
          process.stdout.write(`${Math.round((100 * n) / settings.cases)}% `);
        }
      },
    });
    const loadSeconds = round((performance.now() - loadStarted) / 1000, 1);
    const indexStarted = performance.now();
    await db.query(`set maintenance_work_mem = '512MB'`);
    await db.query('create index kaizen_cases_search_idx on kaizen_cases using gin (search_vector)');
    await db.query('create index kaizen_cases_happened_idx on kaizen_cases (happened_on desc nulls last, id)');
    const indexSeconds = round((performance.now() - indexStarted) / 1000, 1);
    await db.query('vacuum analyze kaizen_cases, case_effects, organizations');
    const { rows: size } = await db.query(
      `select pg_size_pretty(pg_total_relation_size('kaizen_cases')) as "table",
              pg_size_pretty(pg_relation_size('kaizen_cases_search_idx')) as "index"`,
    );

    // The reader: a member of a mid-sized city, who sees its own cases and every shared one.
    const reader = seeded.orgs.find((o) => o.municipality_type === 'city' && o.population > 100_000) ?? seeded.orgs[0];
    const userId = randomUUID();
    const now = new Date();
    await db.query(
      `insert into users (id, email, display_name, created_at, updated_at) values ($1, 'reader@bench.kaizen-navi.jp', '読む 人', $2, $2)`,
      [userId, now],
    );
    await db.query(
      `insert into memberships (id, org_id, user_id, role, position, created_at, updated_at) values ($1, $2, $3, 'staff', 'staff', $4, $4)`,
      [randomUUID(), reader.id, userId, now],
    );
    const session = newSession(userId, now);
    await db.query(
      'insert into sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent) values ($1, $2, $3, $4, $5, $6)',
      [
        session.row.id,
        session.row.user_id,
        session.row.created_at,
        session.row.last_seen_at,
        session.row.expires_at,
        session.row.user_agent,
      ],
    );

    const classes = buildQueryMix(seeded, settings.cases, settings.queriesPerClass);
    process.stdout.write(`\n  loaded in ${loadSeconds} s, index in ${indexSeconds} s; queries … `);
    const results = [];
    for (const c of classes) {
      const samples = [];
      const queries = [];
      for (const q of c.queries) {
        const path = `/api/orgs/${reader.id}/cases?q=${encodeURIComponent(q)}${c.facets ? `&${facetFilter}` : ''}${c.sort ? `&sort=${c.sort}` : ''}`;
        const warm = await timedGet(server.baseUrl, path, session.cookie);
        const times = [];
        for (let i = 0; i < settings.repeat; i++) times.push((await timedGet(server.baseUrl, path, session.cookie)).ms);
        samples.push(...times);
        queries.push({
          q,
          matches: warm.body.total,
          share: round((100 * warm.body.total) / settings.cases, 3),
          facetValues: Object.values(warm.body.facets).reduce((s, f) => s + f.length, 0),
          // Broad matches are counted over a sample: which figures are estimates, and how many cases were ranked.
          estimate: warm.body.estimate,
          medianMs: round(median(times), 1),
        });
      }
      const ilike = [];
      if (!c.facets && !c.sort) {
        for (const q of c.queries.slice(0, settings.ilikeQueriesPerClass))
          ilike.push({ q, ...(await ilikeScan(db, reader.id, q)) });
      }
      results.push({
        class: c.name,
        selectivity: c.selectivity,
        facets: c.facets ? facetFilter : null,
        sort: c.sort ?? 'relevance',
        latencyMs: summary(samples),
        requests: samples.length,
        queries,
        ilike: ilike.length
          ? { latencyMs: summary(ilike.map((x) => x.ms)), queries: ilike.map((x) => ({ ...x, ms: round(x.ms, 1) })) }
          : null,
      });
      process.stdout.write('.');
    }
    return {
      skipped: false,
      database: `PostgreSQL ${context.postgres} (${plan.shownUrl}, dropped afterwards)`,
      data: {
        cases: settings.cases,
        organizations: seeded.orgs.length,
        vocabulary: seeded.vocabularySize,
        loadSeconds,
        indexSeconds,
        tableSize: size[0].table,
        searchIndexSize: size[0].index,
        reader: { municipalityType: reader.municipality_type, population: reader.population },
      },
      classes: results,
    };
  } finally {
    await server?.stop();
    await db.end().catch(() => {});
    forget();
    await dropBenchDatabase(plan).catch(() => {});
  }
}

function summaryRows(result) {
  if (result.error) return [['cases', 'error', '', '', firstLine(result.error), '']];
  if (result.skipped) return [['cases', 'skipped', '', '', firstLine(result.reason), '']];
  const rows = [];
  for (const c of result.classes) {
    const shares = c.queries.map((q) => q.share);
    rows.push([
      `search: ${c.class}`,
      `${c.latencyMs.p50} ms`,
      `${c.latencyMs.p95} ms`,
      `< ${settings.targetP95Ms} ms`,
      `${c.requests} requests; matches ${Math.min(...shares)}–${Math.max(...shares)} % of cases`,
      verdict(c.latencyMs.p95, settings.targetP95Ms),
    ]);
    if (c.ilike)
      rows.push([
        `  ILIKE scan: ${c.class}`,
        `${c.ilike.latencyMs.p50} ms`,
        `${c.ilike.latencyMs.p95} ms`,
        '',
        `${c.ilike.queries.length} terms, count + first page`,
        '',
      ]);
  }
  rows.push([
    'load',
    '',
    '',
    '',
    `${result.data.cases} cases in ${result.data.loadSeconds} s; GIN index in ${result.data.indexSeconds} s (${result.data.searchIndexSize}); table ${result.data.tableSize}`,
    '',
  ]);
  return rows;
}

const startedAt = new Date();
const started = performance.now();
const context = {};
const machine = describeMachine();
const cases = await measure(`cases on PostgreSQL: ${settings.cases} cases`, () => measureCases(context));
const report = {
  name: 'cases',
  command: describeCommand('bench:cases', 'cases.mjs'),
  date: startedAt.toISOString(),
  revision: describeRevision(),
  machine: { ...machine, postgres: context.postgres ?? null },
  settings,
  figures: { cases },
  benchSeconds: round((performance.now() - started) / 1000, 1),
};
const files = writeResult(report, startedAt);
printSummary(report, ['figure', 'p50', 'p95', 'target', 'detail', ''], summaryRows(cases), files);
process.exit(cases.error ? 1 : 0);
