// Builds the server (TypeScript → dist/server) and the web UI (Vite → dist/web), skipping
// either when its sources have not changed since the last build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const force = process.argv.includes('--force');
// --only=server skips the web UI (backup and restore need only the server code).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .sort();
}

function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of statSync(input).isDirectory() ? listFiles(input) : [input]) {
      // Tests and the fixtures they share are no part of what is built.
      if (/\.(test|fixtures)\.tsx?$/.test(file)) continue;
      hash.update(path.relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}

function run(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: false });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const stampFile = path.join(root, 'dist/.build-stamp.json');
const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const targets = [
  {
    name: 'server',
    inputs: ['src/server', 'src/shared', 'tsconfig.server.json', 'tsconfig.base.json', 'package-lock.json'],
    output: 'dist/server/main.js',
    build: () => {
      run('server', bin('tsc'), ['-p', 'tsconfig.server.json']);
      // Data the server reads at run time travels with the compiled code.
      cpSync(
        path.join(root, 'src/server/features/sheets/default-templates'),
        path.join(root, 'dist/server/features/sheets/default-templates'),
        { recursive: true },
      );
    },
  },
  {
    name: 'web',
    inputs: ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'],
    output: 'dist/web/index.html',
    build: () => run('web', bin('vite'), ['build', '--logLevel', 'warn']),
  },
];

mkdirSync(path.join(root, 'dist'), { recursive: true });
for (const target of targets) {
  if (only && target.name !== only) continue;
  const inputs = target.inputs.map((i) => path.join(root, i)).filter((i) => existsSync(i));
  const print = fingerprint(inputs);
  if (!force && stamp[target.name] === print && existsSync(path.join(root, target.output))) continue;
  target.build();
  stamp[target.name] = print;
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
}
