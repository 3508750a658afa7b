// Figure 2: the JavaScript a browser must fetch before the web UI can run, gzip'd at level 9.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './server.mjs';
import { round } from './stats.mjs';

const builtWebDir = path.join(root, 'dist/web');

function attributesOf(tag) {
  const attributes = {};
  for (const match of tag.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

/** The script src and modulepreload href that index.html loads before any user action. */
export function findInitialScripts(html) {
  const urls = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const { src } = attributesOf(tag.slice(7));
    if (src) urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const { rel, href } = attributesOf(tag.slice(5));
    if (href && rel?.split(/\s+/).includes('modulepreload')) urls.push(href);
  }
  return [...new Set(urls)];
}

/** Builds dist/web when it is missing; returns null, or the first lines of the build's complaint. */
function buildWeb() {
  const result = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (result.status === 0) return null;
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !/^[│╭╰─]/.test(l));
  return lines.slice(0, 4).join(' / ').slice(0, 300) || `vite build exited with ${result.status ?? result.signal}`;
}

export function measureWebBundle({ webDir = builtWebDir } = {}) {
  const indexFile = path.join(webDir, 'index.html');
  let buildError = null;
  if (!existsSync(indexFile) && webDir === builtWebDir) buildError = buildWeb();
  if (!existsSync(indexFile)) {
    return {
      missing: true,
      reason: `dist/web/index.html is missing${buildError ? `; vite build: ${buildError}` : ''}`,
    };
  }
  const html = readFileSync(indexFile, 'utf8');
  const files = [];
  for (const url of findInitialScripts(html)) {
    if (/^[a-z]+:\/\//i.test(url)) {
      files.push({ url, external: true });
      continue;
    }
    const file = path.join(webDir, decodeURIComponent(url.split(/[?#]/)[0]).replace(/^\//, ''));
    if (!existsSync(file)) {
      files.push({ url, missing: true });
      continue;
    }
    const content = readFileSync(file);
    files.push({ url, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
  }
  const sum = (key) => files.reduce((total, f) => total + (f[key] ?? 0), 0);
  return {
    missing: false,
    targetKb: 250,
    gzipKb: round(sum('gzipBytes') / 1024, 1),
    rawKb: round(sum('bytes') / 1024, 1),
    files,
  };
}
