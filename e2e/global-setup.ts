import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const STARTUP_TIMEOUT_MS = 60_000;

/** A port nobody listens on right now. The server needs a real number, not 0, because mail links contain it. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('Could not find a free port.'))));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server exited with code ${server.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer GET /api/health with 200 within 60 s:\n${output()}`);
}

/**
 * Copies the build into the run's own folder and returns the server entry there. The server finds
 * the web UI (../../dist/web) and the migrations (../../../drizzle) next to its own files, so a
 * rebuild in the checkout during the run (vite empties dist/web first) cannot answer a page with
 * 404 half-way through a test.
 */
function snapshotBuild(root: string, runDir: string): string {
  // The sample sheets are YAML the server build does not emit; from dist it reads them from the source tree.
  for (const dir of [
    'dist/server',
    'dist/shared',
    'dist/web',
    'drizzle',
    'src/server/features/sheets/default-templates',
  ]) {
    cpSync(path.join(root, dir), path.join(runDir, dir), { recursive: true });
  }
  cpSync(path.join(root, 'package.json'), path.join(runDir, 'package.json'));
  symlinkSync(path.join(root, 'node_modules'), path.join(runDir, 'node_modules'), 'dir');
  return path.join(runDir, 'dist/server/main.js');
}

/**
 * Starts one server for the whole browser run on a fresh embedded database with the demo data,
 * so every spec sees the same seeded デモ市 and creates whatever else it needs itself.
 */
export default async function setup(project: TestProject) {
  const root = project.config.root;
  const entry = path.join(root, 'dist/server/main.js');
  const web = path.join(root, 'dist/web/index.html');
  for (const file of [entry, web]) {
    if (!existsSync(file)) {
      throw new Error(
        `${path.relative(root, file)} is missing: run \`node scripts/build.mjs\` before the browser tests.`,
      );
    }
  }

  const runDir = mkdtempSync(path.join(os.tmpdir(), 'kn-e2e-'));
  const dataDir = path.join(runDir, 'data');
  mkdirSync(dataDir);
  const serverEntry = snapshotBuild(root, runDir);
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    SMTP_URL: '',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
    // Every spec logs in several times from the same address.
    LOGIN_MAX_PER_IP: '1000',
    LOGIN_MAX_PER_ACCOUNT: '1000',
  };
  // The embedded database of DATA_DIR, never a PostgreSQL the developer happens to have configured.
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [serverEntry], {
    cwd: runDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(runDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', url);
  return stop;
}
