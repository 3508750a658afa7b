import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildApp } from '../app.js';
import type { ZodApp } from '../deps.js';

let t: TestApp;
let app: ZodApp;
let webRoot: string;

beforeAll(async () => {
  t = await createTestApp();
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'kn-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>カイゼンナビ</title>');
  writeFileSync(path.join(webRoot, 'assets', 'main-abc123.js'), 'console.log(1)');
  app = await buildApp(t.deps, { serveWeb: true, webRoot });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('serving the web UI beside the API', () => {
  it('answers client-side routes with the page, not cached', async () => {
    for (const url of ['/', '/login', '/orgs/123/departments?x=1']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('カイゼンナビ');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year', async () => {
    const r = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toContain('immutable');
  });

  it('keeps unknown API paths and missing files as problem+json 404', async () => {
    for (const url of ['/api/nothing', '/assets/missing.js']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('headers on every answer', () => {
  it('keeps API answers out of every cache, signed in or not, errors included', async () => {
    const { cookie } = await createOrgWithAdmin(t);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    for (const url of ['/api/auth/me', '/api/nothing', '/api/health']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('says which browser features the pages may use: fullscreen and the clipboard, nothing else', async () => {
    for (const url of ['/', '/assets/main-abc123.js', '/api/health', '/api/nothing']) {
      const r = await app.inject({ method: 'GET', url });
      const policy = String(r.headers['permissions-policy']);
      expect(policy, url).toContain('camera=()');
      expect(policy).toContain('geolocation=()');
      expect(policy).toContain('microphone=()');
      expect(policy).toContain('fullscreen=(self)');
    }
  });
});
