// A throw-away PostgreSQL database per bench run, on this machine only.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * BENCH_DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/); its database,
 * if any, is only used to create and drop the bench's own database.
 */
export function planBenchDatabase(base = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/') {
  const server = new URL(base);
  if (!LOOPBACK.has(server.hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (127.0.0.1), not ${server.hostname}`);
  }
  const name = `kn_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new URL(server);
  if (admin.pathname === '' || admin.pathname === '/') admin.pathname = '/postgres';
  const target = new URL(server);
  target.pathname = `/${name}`;
  const shown = new URL(target);
  shown.password = '';
  return { name, adminUrl: admin.toString(), targetUrl: target.toString(), shownUrl: shown.toString() };
}

async function runAdmin(adminUrl, statement) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates the database and returns the server's version. */
export async function createBenchDatabase(plan) {
  const { rows } = await runAdmin(plan.adminUrl, 'show server_version');
  await runAdmin(plan.adminUrl, `create database ${plan.name}`);
  return rows[0]?.server_version ?? 'unknown';
}

export async function dropBenchDatabase(plan) {
  await runAdmin(plan.adminUrl, `drop database if exists ${plan.name} with (force)`);
}
