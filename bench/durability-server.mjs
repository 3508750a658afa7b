// The server under the durability proof: one port and one database for its whole life, started,
// SIGKILLed and started again. Writers wait for it to be up; a kill cuts whatever they had in flight.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import path from 'node:path';
import { findFreePort, root, serverEnv } from './server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request that a kill cut (or that found nobody listening): it may or may not have been applied. */
export class CutError extends Error {
  constructor(cause) {
    super(`connection cut: ${cause.code ?? cause.message}`);
    this.code = cause.code;
  }
}

function deferred() {
  let resolve;
  const promise = new Promise((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * The server's lifecycle on one port: start() spawns it and polls GET /api/health; kill() sends
 * SIGKILL. Requests go through an agent of the current process, so a socket of a killed server
 * is never reused for the next one.
 */
export async function createServerLife({ env, readyTimeoutMs }) {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let current = null;
  let up = deferred();
  let finished = false;

  const life = {
    baseUrl,
    /** Resolves when a started server answers its health check (at once if it does now). */
    whenUp: () => up.promise,
    get isUp() {
      return current?.ready === true;
    },
    get finished() {
      return finished;
    },
    /** Writers stop sending once the proof is over; whenUp resolves so that they see it. */
    finish() {
      finished = true;
      up.resolve();
    },
    get pid() {
      return current?.child.pid ?? null;
    },
    /**
     * Spawns the server. Resolves at once with a handle whose `settled` resolves to
     * { ready: true, readyMs } or { ready: false, reason, output } (exited, or not ready in time).
     */
    start() {
      const startedAt = performance.now();
      const child = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
        cwd: root,
        env: serverEnv({ ...env, PORT: String(port) }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const keep = (chunk) => {
        output = (output + chunk).slice(-4000);
      };
      child.stdout.setEncoding('utf8').on('data', keep);
      child.stderr.setEncoding('utf8').on('data', keep);
      const exited = once(child, 'exit');
      const handle = {
        child,
        ready: false,
        killed: false,
        agent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
        output: () => output,
        exited,
      };
      current = handle;
      handle.settled = (async () => {
        const deadline = startedAt + readyTimeoutMs;
        while (performance.now() < deadline) {
          if (child.exitCode !== null || child.signalCode !== null || handle.killed) {
            return { ready: false, reason: handle.killed ? 'killed' : `exited with ${child.exitCode}`, output };
          }
          if (await answersHealth(baseUrl)) {
            if (handle.killed) return { ready: false, reason: 'killed', output };
            handle.ready = true;
            up.resolve();
            return { ready: true, readyMs: performance.now() - startedAt };
          }
          await sleep(25);
        }
        return { ready: false, reason: `not ready within ${readyTimeoutMs / 1000} s`, output };
      })();
      return handle;
    },
    /** SIGKILL, and wait for the process to be gone. Writers block in whenUp until the next start. */
    async kill() {
      const handle = current;
      if (!handle) return;
      if (handle.ready) up = deferred();
      handle.killed = true;
      handle.ready = false;
      handle.child.kill('SIGKILL');
      if (handle.child.exitCode === null && handle.child.signalCode === null) await handle.exited;
      handle.agent.destroy();
    },
    /** SIGTERM (the server closes its database), SIGKILL after 20 s. */
    async stop() {
      const handle = current;
      if (!handle || handle.child.exitCode !== null || handle.child.signalCode !== null) return;
      if (handle.ready) up = deferred();
      handle.ready = false;
      const timer = setTimeout(() => handle.child.kill('SIGKILL'), 20_000);
      handle.child.kill('SIGTERM');
      await handle.exited;
      clearTimeout(timer);
      handle.agent.destroy();
      return { code: handle.child.exitCode, signal: handle.child.signalCode };
    },
    /**
     * One request to the current server: { status, headers, body, json }. A connection error or
     * a kill while waiting throws CutError; nothing answers after 30 s throws too.
     */
    request(method, pathname, { cookie, body } = {}) {
      const handle = current;
      return new Promise((resolve, reject) => {
        const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
        const req = http.request(
          `${baseUrl}${pathname}`,
          {
            method,
            agent: handle?.agent,
            headers: {
              ...(cookie ? { cookie } : {}),
              ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
            },
            timeout: 30_000,
          },
          (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', (error) => reject(new CutError(error)));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              if (!res.complete) return reject(new CutError(new Error('response cut short')));
              resolve({ status: res.statusCode, headers: res.headers, body: text, json: () => JSON.parse(text) });
            });
          },
        );
        req.on('timeout', () => req.destroy(Object.assign(new Error('no answer in 30 s'), { code: 'TIMEOUT' })));
        req.on('error', (error) => reject(new CutError(error)));
        if (data) req.write(data);
        req.end();
      });
    },
  };
  return life;
}

async function answersHealth(baseUrl) {
  return new Promise((resolve) => {
    const req = http.get(`${baseUrl}/api/health`, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}
