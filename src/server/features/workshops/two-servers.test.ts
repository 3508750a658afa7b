import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrlFor, testDatabaseKind } from '../../../../test/db-kind.js';
import type { WorkshopTally } from '../../../shared/workshops/workshop-schema.js';

/**
 * Two app servers on one PostgreSQL database, as behind a load balancer: what one server is told,
 * the other's live streams show, in both directions. Events cross through LISTEN/NOTIFY; neither
 * server holds anything the other needs. (PGlite belongs to one process, so this runs on PostgreSQL.)
 */

const root = path.resolve(import.meta.dirname, '../../../..');
const onPostgres = testDatabaseKind() === 'postgres';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(databaseUrl: string, seed: boolean): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: String(seed),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Collects a stream's events in the background; `waitFor` resolves when one matches. */
function collect(response: Response) {
  const events: { id: number; event: string; data: unknown; at: number }[] = [];
  const waiters: { match: (e: (typeof events)[number]) => boolean; resolve: (e: (typeof events)[number]) => void }[] =
    [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const kind = field('event');
        if (!kind) continue;
        const event = {
          id: Number(field('id')),
          event: kind,
          data: JSON.parse(field('data') ?? 'null'),
          at: Date.now(),
        };
        events.push(event);
        for (const waiter of [...waiters])
          if (waiter.match(event)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(event);
          }
      }
    }
  })();
  return {
    events,
    waitFor(match: (e: (typeof events)[number]) => boolean, timeoutMs = 3000) {
      const found = events.find(match);
      if (found) return Promise.resolve(found);
      return new Promise<(typeof events)[number]>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no such event in time')), timeoutMs);
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    close: () => reader.cancel().catch(() => {}),
  };
}

describe.runIf(onPostgres)('two app servers on one database', () => {
  let a: Server;
  let b: Server;
  let databaseName: string;
  let admin: import('pg').Client;

  beforeAll(async () => {
    const { default: pg } = await import('pg');
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    databaseName = `kn_two_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${databaseName} template ${inject('postgresTemplate')}`);
    const url = databaseUrlFor(databaseName);
    // The first server adds the demo data; the second starts on the same database after it.
    a = await startServer(url, true);
    b = await startServer(url, false);
  }, 120_000);

  afterAll(async () => {
    for (const server of [a, b]) server?.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin?.query(`drop database if exists ${databaseName} with (force)`);
    await admin?.end();
  });

  it('shows on one server what the other was told, within a second, both ways', async () => {
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.kaizen-navi.jp', password: 'kaizen-demo-2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = (await login.json()) as { memberships: { orgId: string; orgName: string }[] };
    const orgId = me.memberships.find((m) => m.orgName === 'デモ市')?.orgId ?? '';
    const json = { 'content-type': 'application/json' };
    const rounds = (await (await fetch(`${a.url}/api/orgs/${orgId}/rounds`, { headers: { cookie } })).json()) as {
      id: string;
    }[];
    const opened = await fetch(`${a.url}/api/orgs/${orgId}/workshops`, {
      method: 'POST',
      headers: { cookie, ...json },
      body: JSON.stringify({ roundId: rounds[0]?.id, title: '二台のサーバー', grouping: 'position' }),
    });
    expect(opened.status).toBe(201);
    const { id, code } = (await opened.json()) as { id: string; code: string };
    const view = (await (
      await fetch(`${a.url}/api/orgs/${orgId}/workshops/${id}`, { headers: { cookie } })
    ).json()) as {
      items: { key: string }[];
      tally: WorkshopTally;
    };
    const itemKey = view.items[0]?.key ?? '';
    const k = view.tally.k;
    // Participants see the spreads of revealed items only.
    const revealed = await fetch(`${a.url}/api/orgs/${orgId}/workshops/${id}`, {
      method: 'PATCH',
      headers: { cookie, ...json },
      body: JSON.stringify({ revealed: [itemKey] }),
    });
    expect(revealed.status).toBe(200);

    // People join and answer through server B; one of them watches on server A.
    const people: string[] = [];
    for (let i = 0; i < k; i++) {
      const joined = await fetch(`${b.url}/api/workshops/join`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ code, nickname: `参加者${i + 1}`, position: 'staff' }),
      });
      expect(joined.status).toBe(201);
      people.push((joined.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    }
    const watcher = collect(
      await fetch(`${a.url}/api/workshops/${id}/events`, { headers: { cookie: people[0] ?? '' } }),
    );
    const facilitator = collect(
      await fetch(`${b.url}/api/orgs/${orgId}/workshops/${id}/events`, { headers: { cookie } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    const sentAt = Date.now();
    for (const person of people) {
      const answered = await fetch(`${b.url}/api/workshops/${id}/answers`, {
        method: 'PUT',
        headers: { cookie: person, ...json },
        body: JSON.stringify({ itemKey, level: 2 }),
      });
      expect(answered.status).toBe(204);
    }
    const tally = await watcher.waitFor(
      (e) => e.event === 'tally' && (e.data as WorkshopTally).items[0]?.overall.n === k,
    );
    expect(tally.at - sentAt).toBeLessThan(1000);
    expect((tally.data as WorkshopTally).items[0]?.overall.counts?.[1]).toBe(k);

    // The facilitator steps on server A; the console stream on server B follows.
    const steppedAt = Date.now();
    const stepped = await fetch(`${a.url}/api/orgs/${orgId}/workshops/${id}`, {
      method: 'PATCH',
      headers: { cookie, ...json },
      body: JSON.stringify({ currentItemKey: itemKey }),
    });
    expect(stepped.status).toBe(200);
    const state = await facilitator.waitFor(
      (e) => e.event === 'state' && (e.data as { currentItemKey: string }).currentItemKey === itemKey,
    );
    expect(state.at - steppedAt).toBeLessThan(1000);
    // The progress list, sent at most every two seconds, also crosses.
    await facilitator.waitFor((e) => e.event === 'progress', 4000);
    await watcher.close();
    await facilitator.close();
  }, 60_000);
});
