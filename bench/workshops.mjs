// npm run bench:workshops -- [--participants N] [--seconds S] [--quick]
// A live workshop at seminar scale on PostgreSQL: N participants (default 1,000) join by code, each
// holds a live event stream, and over S seconds each answers the sheet's items one by one at
// random moments. Measured: the delay from each answer being sent to a tally that contains it
// arriving at every open stream (p50/p95/max), answers lost (sent and acknowledged but not stored),
// request and stream errors, and the server's memory (RSS) while it holds every stream.
// Writes bench/results/workshops-YYYYMMDD-HHmmss.json.

import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
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
  verdict,
  writeResult,
} from './report.mjs';
import { cleanUpAfterInterrupt, onInterrupt, startServer } from './server.mjs';
import { percentile, round } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    participants: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '120' },
    quick: { type: 'boolean', default: false },
  },
});
const settings = {
  participants: args.quick ? 100 : Number(args.participants),
  seconds: args.quick ? 20 : Number(args.seconds),
  targetP95Ms: 1000,
  targetRssMb: 500,
};
if (!Number.isInteger(settings.participants) || settings.participants < 3 || !(settings.seconds >= 5)) {
  console.error('bench: --participants must be at least 3 and --seconds at least 5');
  process.exit(2);
}
guardBench(30 * 60_000, cleanUpAfterInterrupt);

// One keep-alive agent with room for every stream and the answers beside them.
const agent = new http.Agent({ keepAlive: true, maxSockets: settings.participants * 2 + 50 });

function request(baseUrl, method, path, { cookie, body } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const req = http.request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/**
 * A participant's live stream. Keeps, for each tally event, when it arrived and the server's
 * `computedAt`, read with a regular expression rather than parsing every payload.
 */
function openStream(baseUrl, path, cookie, onTally, onError) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}${path}`, { agent, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith('id: ') || !block.includes('\nevent: tally\n')) continue;
          const at = /"computedAt":"([^"]+)"/.exec(block);
          if (at) onTally(Date.parse(at[1]), Date.now());
        }
      });
      res.on('error', onError);
      res.on('close', () => onError(new Error('stream closed')));
      resolve(() => req.destroy());
    });
    req.on('error', reject);
  });
}

async function measureWorkshop(context) {
  const plan = planBenchDatabase();
  try {
    context.postgres = await createBenchDatabase(plan);
  } catch (error) {
    return { skipped: true, reason: `PostgreSQL unavailable: ${error.message || error.code || String(error)}` };
  }
  const forget = onInterrupt(() => dropBenchDatabase(plan));
  let server;
  const closers = [];
  try {
    server = await startServer({ env: { DATABASE_URL: plan.targetUrl, SEED_DEMO: 'true', DB_POOL_MAX: '20' } });
    const { baseUrl } = server;
    const login = await request(baseUrl, 'POST', '/api/auth/login', {
      body: { email: 'admin@demo.kaizen-navi.jp', password: 'kaizen-demo-2026' },
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0];
    const orgId = JSON.parse(login.body).memberships.find((m) => m.orgName === 'デモ市').orgId;
    const rounds = JSON.parse((await request(baseUrl, 'GET', `/api/orgs/${orgId}/rounds`, { cookie })).body);
    const opened = await request(baseUrl, 'POST', `/api/orgs/${orgId}/workshops`, {
      cookie,
      body: { roundId: rounds[0].id, title: '負荷試験のセミナー', grouping: 'table', tableCount: 40 },
    });
    if (opened.status !== 201) throw new Error(`opening the workshop answered ${opened.status}: ${opened.body}`);
    const { id, code } = JSON.parse(opened.body);
    const view = JSON.parse((await request(baseUrl, 'GET', `/api/orgs/${orgId}/workshops/${id}`, { cookie })).body);
    const items = view.items.map((i) => ({ key: i.key, levels: i.levels.length }));
    const rssIdle = rssMb(server.child.pid);

    // Everyone joins (a few at a time, as people do when the code goes up) and opens a stream.
    const random = createRandom(20261130);
    const streamTallies = [];
    let streamErrors = 0;
    const people = [];
    const joinStarted = performance.now();
    for (let i = 0; i < settings.participants; i += 50) {
      const batch = Array.from({ length: Math.min(50, settings.participants - i) }, (_, j) => i + j);
      const joined = await Promise.all(
        batch.map((n) =>
          request(baseUrl, 'POST', '/api/workshops/join', {
            body: { code, nickname: `参加者${n + 1}`, position: 'staff', tableNumber: (n % 40) + 1 },
          }),
        ),
      );
      for (const response of joined) {
        if (response.status !== 201) throw new Error(`join answered ${response.status}: ${response.body}`);
        people.push(String(response.headers['set-cookie']?.[0] ?? '').split(';')[0]);
      }
    }
    const joinSeconds = round((performance.now() - joinStarted) / 1000, 1);
    for (let i = 0; i < people.length; i += 100) {
      const opened = await Promise.all(
        people.slice(i, i + 100).map((person, j) => {
          const index = i + j;
          streamTallies[index] = [];
          return openStream(
            baseUrl,
            `/api/workshops/${id}/events`,
            person,
            (computedAt, arrivedAt) => streamTallies[index].push([computedAt, arrivedAt]),
            () => {
              streamErrors++;
            },
          );
        }),
      );
      closers.push(...opened);
    }
    const rssWithStreams = rssMb(server.child.pid);

    // Each person answers every item once, at random moments across the run.
    const submissions = [];
    const plans = people.map((person) =>
      items.map((item) => ({ person, item, at: random.next() * settings.seconds * 1000 })),
    );
    const schedule = plans.flat().sort((a, b) => a.at - b.at);
    let requestErrors = 0;
    const errorKinds = {};
    let rssPeak = rssWithStreams ?? 0;
    const rssTimer = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMb(server.child.pid) ?? 0);
    }, 500);
    const runStarted = Date.now();
    const postgres = postgresCpu(plan.targetUrl);
    await postgres.start();
    const cpuAtStart = { server: cpuSeconds(server.child.pid), bench: process.cpuUsage() };
    const inFlight = new Set();
    for (const step of schedule) {
      const wait = runStarted + step.at - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const sentAt = Date.now();
      const level = 1 + Math.floor(random.next() * step.item.levels);
      const done = request(baseUrl, 'PUT', `/api/workshops/${id}/answers`, {
        cookie: step.person,
        body: { itemKey: step.item.key, level },
      })
        .then((response) => {
          if (response.status === 204) submissions.push({ sentAt, ackedAt: Date.now() });
          else {
            requestErrors++;
            const key = `${response.status} ${firstLine(response.body).slice(0, 80)}`;
            errorKinds[key] = (errorKinds[key] ?? 0) + 1;
          }
        })
        .catch((error) => {
          requestErrors++;
          const key = error.code ?? error.message;
          errorKinds[key] = (errorKinds[key] ?? 0) + 1;
        })
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
    }
    await Promise.all(inFlight);
    // The last answers' tally goes out a moment later; a server that fell behind is given up to
    // 30 s to bring every stream a tally counted after the last answer, so that "never delivered"
    // means never, not late.
    const lastAck = Math.max(0, ...submissions.map((x) => x.ackedAt));
    const drainUntil = Date.now() + 30_000;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    while (Date.now() < drainUntil && !streamTallies.every((r) => r.length > 0 && r.at(-1)[0] >= lastAck))
      await new Promise((resolve) => setTimeout(resolve, 250));
    clearInterval(rssTimer);
    const benchCpu = process.cpuUsage(cpuAtStart.bench);
    const cpu = {
      serverSeconds: round(cpuSeconds(server.child.pid) - cpuAtStart.server, 1),
      postgresSeconds: await postgres.stop(),
      benchSeconds: round((benchCpu.user + benchCpu.system) / 1e6, 1),
      // Other work on the machine at the end of answering: near or above 2, the three above compete with it.
      loadAverage1mAtEnd: round(os.loadavg()[0], 2),
    };
    const runSeconds = round((Date.now() - runStarted) / 1000, 1);

    // For each answer: the first tally counted after it was acknowledged contains it; its delay is
    // from sending the answer to that tally reaching the slowest of all streams. Every stream gets
    // the same tallies (each stamped once with its computedAt), so each tally's last arrival is
    // found once, and an answer looks up the first tally after it instead of scanning every stream.
    const reach = new Map();
    streamTallies.forEach((received, index) => {
      for (const [computedAt, arrivedAt] of received) {
        const seen = reach.get(computedAt) ?? { streams: 0, lastIndex: -1, lastArrival: 0 };
        if (seen.lastIndex !== index) seen.streams++;
        seen.lastIndex = index;
        seen.lastArrival = Math.max(seen.lastArrival, arrivedAt);
        reach.set(computedAt, seen);
      }
    });
    const stamps = [...reach.keys()].sort((a, b) => a - b);
    const firstStampFrom = (at) => {
      let low = 0;
      let high = stamps.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (stamps[mid] < at) low = mid + 1;
        else high = mid;
      }
      return low < stamps.length ? stamps[low] : null;
    };
    const delays = [];
    let undelivered = 0;
    for (const s of submissions) {
      const stamp = firstStampFrom(s.ackedAt);
      const seen = stamp === null ? null : reach.get(stamp);
      if (seen && seen.streams === streamTallies.length) {
        delays.push(seen.lastArrival - s.sentAt);
        continue;
      }
      // Some stream missed that tally: take, stream by stream, the first one it got after the answer.
      let worst = 0;
      let missing = false;
      for (const received of streamTallies) {
        const hit = received.find(([computedAt]) => computedAt >= s.ackedAt);
        if (!hit) {
          missing = true;
          break;
        }
        worst = Math.max(worst, hit[1] - s.sentAt);
      }
      if (missing) undelivered++;
      else delays.push(worst);
    }

    // Lost answers: acknowledged but not stored.
    const db = new pg.Client({ connectionString: plan.targetUrl });
    await db.connect();
    const stored = Number(
      (await db.query('select count(*)::int as n from workshop_answers where workshop_id = $1', [id])).rows[0].n,
    );
    await db.end();
    return {
      skipped: false,
      database: `PostgreSQL ${context.postgres} (${plan.shownUrl}, dropped afterwards)`,
      participants: people.length,
      streams: closers.length,
      items: items.length,
      joinSeconds,
      runSeconds,
      answersSent: schedule.length,
      answersAcknowledged: submissions.length,
      answersStored: stored,
      answersLost: Math.max(0, submissions.length - stored),
      // From sending an answer to its 204: a growing figure means answers queue in the server.
      answerAckMs: (() => {
        const acks = submissions.map((x) => x.ackedAt - x.sentAt);
        return acks.length
          ? { p50: percentile(acks, 50), p95: percentile(acks, 95), max: percentile(acks, 100) }
          : null;
      })(),
      // While answering, on the same 2 cores: the server, and the bench client holding every stream.
      cpuSecondsWhileAnswering: cpu,
      requestErrors,
      requestErrorKinds: errorKinds,
      streamErrors,
      undelivered,
      delayToAllStreamsMs: delays.length
        ? {
            p50: round(percentile(delays, 50), 1),
            p95: round(percentile(delays, 95), 1),
            max: round(percentile(delays, 100), 1),
          }
        : null,
      serverRssMb: { idle: rssIdle, withStreams: rssWithStreams, peak: round(rssPeak, 1) },
    };
  } finally {
    for (const close of closers) close();
    await server?.stop();
    forget();
    await dropBenchDatabase(plan).catch(() => {});
  }
}

function summaryRows(result) {
  if (result.error) return [['workshop', 'error', '', '', firstLine(result.error), '']];
  if (result.skipped) return [['workshop', 'skipped', '', '', firstLine(result.reason), '']];
  const d = result.delayToAllStreamsMs;
  return [
    [
      'answer → every stream',
      d ? `${d.p50} ms` : '—',
      d ? `${d.p95} ms` : '—',
      `< ${settings.targetP95Ms} ms`,
      `${result.answersAcknowledged} answers to ${result.streams} streams; max ${d?.max ?? '—'} ms`,
      d ? verdict(d.p95, settings.targetP95Ms) : 'no data',
    ],
    [
      'answer → its 204',
      result.answerAckMs ? `${result.answerAckMs.p50} ms` : '—',
      result.answerAckMs ? `${result.answerAckMs.p95} ms` : '—',
      '',
      `max ${result.answerAckMs?.max ?? '—'} ms; CPU while answering: server ${result.cpuSecondsWhileAnswering.serverSeconds} s, PostgreSQL ${result.cpuSecondsWhileAnswering.postgresSeconds} s, bench ${result.cpuSecondsWhileAnswering.benchSeconds} s in ${result.runSeconds} s (load ${result.cpuSecondsWhileAnswering.loadAverage1mAtEnd})`,
      '',
    ],
    [
      'answers lost',
      String(result.answersLost),
      '',
      '0',
      `${result.answersStored} stored of ${result.answersAcknowledged} acknowledged (${result.answersSent} sent)`,
      result.answersLost === 0 ? 'ok' : 'LOST',
    ],
    [
      'errors',
      String(result.requestErrors + result.streamErrors + result.undelivered),
      '',
      '0',
      `${result.requestErrors} requests, ${result.streamErrors} streams, ${result.undelivered} never delivered`,
      result.requestErrors + result.streamErrors + result.undelivered === 0 ? 'ok' : 'errors',
    ],
    [
      'server RSS',
      `${result.serverRssMb.withStreams} MB`,
      `${result.serverRssMb.peak} MB`,
      `< ${settings.targetRssMb} MB`,
      `idle ${result.serverRssMb.idle} MB; with streams, then peak while answering`,
      verdict(result.serverRssMb.peak, settings.targetRssMb),
    ],
  ];
}

const startedAt = new Date();
const started = performance.now();
const context = {};
const machine = describeMachine();
const workshop = await measure(
  `workshop on PostgreSQL: ${settings.participants} participants for ${settings.seconds} s`,
  () => measureWorkshop(context),
);
const report = {
  name: 'workshops',
  command: describeCommand('bench:workshops', 'workshops.mjs'),
  date: startedAt.toISOString(),
  revision: describeRevision(),
  machine: { ...machine, postgres: context.postgres ?? null },
  settings,
  figures: { workshop },
  benchSeconds: round((performance.now() - started) / 1000, 1),
};
const files = writeResult(report, startedAt);
printSummary(report, ['figure', 'p50', 'p95', 'target', 'detail', ''], summaryRows(workshop), files);
process.exit(workshop.error ? 1 : 0);
