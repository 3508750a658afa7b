// Figure 3: throughput and latency of small requests against PostgreSQL, with autocannon.
import autocannon from 'autocannon';
import { createBenchDatabase, dropBenchDatabase, planBenchDatabase } from './postgres.mjs';
import { onInterrupt, startServer } from './server.mjs';
import { percentile, round } from './stats.mjs';

export const DEMO_ADMIN = { email: 'admin@demo.kaizen-navi.jp', password: 'kaizen-demo-2026' };

async function runLoad({ label, url, headers, connections, durationSeconds, warmupSeconds }) {
  const options = { url, headers, connections, timeout: 10 };
  // Warm-up: JIT, connection pool and PostgreSQL caches; its figures are thrown away.
  await autocannon({ ...options, duration: warmupSeconds });
  const latencies = [];
  const instance = autocannon({ ...options, duration: durationSeconds });
  instance.on('response', (_client, _statusCode, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
  const result = await instance;
  return {
    label,
    path: new URL(url).pathname,
    durationSeconds: result.duration,
    requestsPerSecond: { mean: round(result.requests.mean, 0), median: round(result.requests.p50, 0) },
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p95: round(percentile(latencies, 95), 2),
      p99: round(percentile(latencies, 99), 2),
      max: round(percentile(latencies, 100), 2),
    },
    responses: latencies.length,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function logIn(baseUrl) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ADMIN),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const me = await response.json();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('kn_session='));
  const orgId = me.memberships?.[0]?.orgId;
  if (!cookie || !orgId) throw new Error('login answered without a kn_session cookie or a membership');
  return { cookie, orgId };
}

export async function measureHttpLoad({ connections, durationSeconds, warmupSeconds }) {
  let plan;
  let serverVersion;
  try {
    plan = planBenchDatabase();
    serverVersion = await createBenchDatabase(plan);
  } catch (error) {
    return { skipped: true, reason: `PostgreSQL unavailable: ${error.message || error.code || String(error)}` };
  }
  const forget = onInterrupt(() => dropBenchDatabase(plan));
  let server;
  try {
    server = await startServer({ env: { DATABASE_URL: plan.targetUrl } });
    const { cookie, orgId } = await logIn(server.baseUrl);
    const orgUrl = `${server.baseUrl}/api/orgs/${orgId}`;
    const probe = await fetch(orgUrl, { headers: { cookie } });
    await probe.arrayBuffer();
    if (probe.status !== 200) throw new Error(`GET /api/orgs/{orgId} answered ${probe.status} before the load`);
    const load = { connections, durationSeconds, warmupSeconds };
    const endpoints = [
      await runLoad({ label: 'GET /api/orgs/{orgId} (authenticated)', url: orgUrl, headers: { cookie }, ...load }),
      await runLoad({ label: 'GET /api/health (public)', url: `${server.baseUrl}/api/health`, headers: {}, ...load }),
    ];
    return {
      skipped: false,
      database: `PostgreSQL ${serverVersion} (${plan.shownUrl}, dropped afterwards)`,
      serverStartMs: round(server.readyMs, 0),
      connections,
      durationSeconds,
      warmupSeconds,
      endpoints,
    };
  } finally {
    await server?.stop();
    forget();
    await dropBenchDatabase(plan).catch(() => {});
  }
}
