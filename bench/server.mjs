// Starts and stops the built server (dist/server/main.js) as a child process on 127.0.0.1.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
const running = new Set();
const cleanups = new Set();

/** Registers work to undo (a temp dir, a database) if the bench is interrupted; returns the remover. */
export function onInterrupt(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Kills the servers still running and undoes registered work; for the bench's exit paths. */
export async function cleanUpAfterInterrupt() {
  for (const child of running) child.kill('SIGKILL');
  await Promise.allSettled([...cleanups].map((cleanup) => cleanup()));
}

/** A port nothing listens on right now, chosen by the kernel. */
export async function findFreePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Environment for a server child: the caller's, minus anything that would point it elsewhere. */
export function serverEnv(overrides) {
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL', 'PORT', 'DATA_DIR']) delete env[key];
  return {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    // Per-request logging would measure the terminal, not the server.
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    ...overrides,
  };
}

/**
 * Spawns the server and resolves once GET /api/health answers 200. readyMs runs from spawn to that
 * answer; reportedMs is the server's own "ready in N ms" (process start to listening).
 */
export async function startServer({ env, timeoutMs = 60_000 }) {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    cwd: root,
    env: serverEnv({ ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);

  const server = {
    child,
    baseUrl,
    output: () => output,
    async stop() {
      await stopChild(child);
    },
  };
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      const [headline = ''] = output.trim().split('\n');
      throw new Error(`server exited with code ${child.exitCode} before it was ready: ${headline}\n${output.trim()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        const readyMs = performance.now() - started;
        const reported = /ready in (\d+) ms/.exec(output);
        return { ...server, readyMs, reportedMs: reported ? Number(reported[1]) : null };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await stopChild(child);
  throw new Error(`server was not ready within ${timeoutMs / 1000} s:\n${output.trim()}`);
}

/** SIGTERM (the server closes its database), then SIGKILL if it has not exited in 10 s. */
async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
