// The rounds bench's two measurements: result views read one after another by an org admin, and
// responses submitted by many people at once.
import autocannon from 'autocannon';
import { apiClient } from './rounds-data.mjs';
import { median, percentile, round } from './stats.mjs';

const latencySummary = (samples) => ({
  p50: round(percentile(samples, 50), 1),
  p95: round(percentile(samples, 95), 1),
  p99: round(percentile(samples, 99), 1),
  max: round(percentile(samples, 100), 1),
  mean: round(samples.reduce((s, x) => s + x, 0) / samples.length, 1),
});

/** One GET, timed from sending to the last byte of the body. */
async function timedGet(baseUrl, path, cookie) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const body = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - started, status: response.status, body, type: response.headers.get('content-type') };
}

function checkView(view, response) {
  try {
    return view.check(response);
  } catch (error) {
    throw new Error(`${view.label}: ${error.message}`);
  }
}

/**
 * Each view in turn: `warmup` requests that are not counted (JIT, caches, the pool), then `requests`
 * more one after another, so a figure is one request's own time with nothing queued in front of it.
 * A slow view stops after `budgetSeconds` once it has `minRequests`, so the bench stays within minutes.
 * `check` looks at the last answer and says in a few words what was measured, or throws.
 */
export async function measureViews({ baseUrl, cookie, views, requests, minRequests, warmup, budgetSeconds }) {
  const out = [];
  for (const view of views) {
    let last;
    for (let i = 0; i < warmup; i++) last = await timedGet(baseUrl, view.path, cookie);
    const samples = [];
    const started = performance.now();
    const overBudget = () => performance.now() - started > budgetSeconds * 1000 && samples.length >= minRequests;
    while (samples.length < requests && !overBudget()) {
      last = await timedGet(baseUrl, view.path, cookie);
      if (last.status !== 200) throw new Error(`${view.label} answered ${last.status}: ${last.body.toString()}`);
      samples.push(last.ms);
    }
    out.push({
      label: view.label,
      path: view.shownPath,
      targetP95Ms: view.targetP95Ms ?? null,
      requests: samples.length,
      warmup,
      bytes: last.body.length,
      checked: checkView(view, last),
      latencyMs: { ...latencySummary(samples), median: round(median(samples), 1) },
      samplesMs: samples.map((s) => round(s, 1)),
    });
  }
  return out;
}

/**
 * The first read of a closed round's results, which counts every answer and stores the tally that
 * later reads use (repo.closedRoundCells): the tallies of both rounds are deleted before each
 * request, so every sample pays for counting the current and the previous round.
 */
export async function measureFirstRead({ baseUrl, cookie, db, orgId, path, requests }) {
  const samples = [];
  for (let i = 0; i < requests; i++) {
    await db.query('delete from sheet_round_tallies where org_id = $1', [orgId]);
    const response = await timedGet(baseUrl, path, cookie);
    if (response.status !== 200) throw new Error(`first read answered ${response.status}`);
    samples.push(response.ms);
  }
  const { rows } = await db.query('select count(*)::int as n from sheet_round_tallies where org_id = $1', [orgId]);
  if (rows[0].n !== 2) throw new Error(`expected the tallies of 2 rounds after a read, found ${rows[0].n}`);
  return { requests, latencyMs: { ...latencySummary(samples), median: round(median(samples), 1) } };
}

/**
 * The grouped scan open rounds' results are built from (repo.answerCells), over the current and the previous
 * round as getResults runs it, with the plan PostgreSQL chose and what it cost.
 */
export async function explainAnswerCells(db, orgId, roundIds) {
  const statement = `explain (analyze, buffers)
    select r.round_id, r.department_id, r.position, a.item_key, a.level, count(*)
    from sheet_answers a join sheet_responses r on r.id = a.response_id
    where r.org_id = $1 and a.round_id = any($2::uuid[]) and r.round_id = any($2::uuid[])
      and r.status = 'submitted' and a.level is not null
    group by r.round_id, r.department_id, r.position, a.item_key, a.level`;
  await db.query(statement, [orgId, roundIds]);
  const { rows } = await db.query(statement, [orgId, roundIds]);
  const plan = rows.map((r) => r['QUERY PLAN']);
  const figure = (label) => {
    const line = plan.find((l) => l.startsWith(label));
    return line ? Number(/([\d.]+) ms/.exec(line)?.[1]) : null;
  };
  return { planningMs: figure('Planning Time'), executionMs: figure('Execution Time'), plan };
}

/** A complete response for one member: every item answered, most important item chosen, submitted. */
function responseBody(member, items, index) {
  return JSON.stringify({
    position: member.position,
    departmentId: member.departmentId,
    mostImportantItemKey: items[index % items.length].key,
    answers: items.map((item, i) => ({ itemKey: item.key, level: 1 + ((index + i) % item.levelCount), comment: null })),
    submit: true,
  });
}

/**
 * POST …/my-response with submit:true from `connections` connections at once, each request as the
 * next member who has not answered: first `warmupAmount` requests over a tenth of the connections
 * (not counted), then `amount` measured. Checks afterwards that the round holds exactly one
 * submitted response, with every answer, per 2xx answer.
 */
export async function measureSubmit({
  baseUrl,
  db,
  orgId,
  roundId,
  submitters,
  items,
  connections,
  amount,
  warmupAmount,
}) {
  const path = `/api/orgs/${orgId}/rounds/${roundId}/my-response`;
  const bodies = submitters.map((member, i) => responseBody(member, items, i));
  let next = 0;
  const request = {
    method: 'POST',
    path,
    // autocannon builds every request again through this, so each one is a different person.
    setupRequest: (req) => {
      const i = next++;
      if (i >= submitters.length) throw new Error(`more requests than the ${submitters.length} members with sessions`);
      return {
        ...req,
        headers: { cookie: submitters[i].session.cookie, 'content-type': 'application/json' },
        body: bodies[i],
      };
    },
  };
  const run = async (count, conns) => {
    const latencies = [];
    const statuses = new Map();
    const instance = autocannon({ url: baseUrl, connections: conns, amount: count, timeout: 30, requests: [request] });
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      latencies.push(responseTimeMs);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    const result = await instance;
    return { result, latencies, statuses };
  };
  const warm = await run(warmupAmount, Math.max(1, Math.round(connections / 10)));
  const { result, latencies, statuses } = await run(amount, connections);

  const { rows } = await db.query(
    `select count(*)::int as responses,
            count(*) filter (where status = 'submitted')::int as submitted,
            (select count(*)::int from sheet_answers where round_id = $1) as answers
     from sheet_responses where round_id = $1`,
    [roundId],
  );
  const stored = rows[0];
  const accepted = warm.result['2xx'] + result['2xx'];
  const expectedAnswers = accepted * items.length;
  const verified = stored.responses === accepted && stored.submitted === accepted && stored.answers === expectedAnswers;
  return {
    path: 'POST /api/orgs/{orgId}/rounds/{roundId}/my-response (submit: true, 30 answers)',
    connections,
    warmupRequests: warmupAmount,
    requests: amount,
    durationSeconds: round(result.duration, 2),
    requestsPerSecond: {
      overall: round(latencies.length / result.duration, 0),
      mean: round(result.requests.mean, 0),
      median: round(result.requests.p50, 0),
    },
    latencyMs: latencySummary(latencies),
    responses: latencies.length,
    ok2xx: result['2xx'],
    non2xx: result.non2xx + warm.result.non2xx,
    statuses: Object.fromEntries(statuses),
    errors: result.errors + warm.result.errors,
    timeouts: result.timeouts + warm.result.timeouts,
    stored: { ...stored, expectedResponses: accepted, expectedAnswers, verified },
  };
}

/** Opens a round of the same template for today, for members to submit to. */
export async function openRound({ baseUrl, cookie, orgId, templateId, version }) {
  const api = apiClient(baseUrl, cookie);
  const japanDay = (ms) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
  const today = japanDay(Date.now());
  const closesOn = japanDay(Date.now() + 14 * 86_400_000);
  const { id } = await api(
    'POST',
    `/api/orgs/${orgId}/rounds`,
    { title: '職場のふりかえり（回答の負荷）', templateId, version, scopeKind: 'org', opensOn: today, closesOn },
    201,
  );
  return id;
}
