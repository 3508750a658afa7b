// What every bench scenario records beside its figures (command, machine, revision), how it writes
// bench/results/<name>-YYYYMMDD-HHmmss.json and latest-<name>.json, and the terminal table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './server.mjs';
import { round } from './stats.mjs';

/** The command as typed: `npm run <script> -- …` when npm started it, else `node bench/<file> …`. */
export function describeCommand(npmScript, file) {
  const extra = process.argv.slice(2).join(' ');
  if (process.env.npm_lifecycle_event === npmScript) {
    return extra ? `npm run ${npmScript} -- ${extra}` : `npm run ${npmScript}`;
  }
  return `node bench/${file} ${extra}`.trim();
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    // Other work on the machine moves every figure; a load near the CPU count means a busy machine.
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

export function describeRevision() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    });
    return { commit, hasLocalChanges: status.trim().length > 0 };
  } catch {
    return null;
  }
}

/** Runs one section, printing how long it took; a crash becomes `{ error }` instead of ending the bench. */
export async function measure(label, fn) {
  process.stdout.write(`bench: ${label} … `);
  const started = performance.now();
  try {
    const result = await fn();
    process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return result;
  } catch (error) {
    process.stdout.write('failed\n');
    console.error(`  ${error instanceof Error ? error.message : String(error)}`);
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function stamp(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

export function writeResult(report, date) {
  const dir = path.join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  // Results are committed: no paths of this machine in them.
  const text = `${JSON.stringify(report, null, 2)}\n`.replaceAll(root, '.').replaceAll(os.tmpdir(), '$TMPDIR');
  const files = [`${report.name}-${stamp(date)}.json`, `latest-${report.name}.json`];
  for (const file of files) {
    const temporary = path.join(dir, `${file}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, path.join(dir, file));
  }
  return files.map((f) => path.join('bench/results', f));
}

/** One line per cell: a server's multi-line complaint stays readable in the JSON result. */
export const firstLine = (text) => String(text).split('\n')[0].slice(0, 100);

export const verdict = (value, target) =>
  value === null || value === undefined ? '' : value <= target ? 'ok' : 'MISSED';

/** The run's heading, a table of figures, and where the result was written. */
export function printSummary(report, header, rows, files) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) =>
    r
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const m = report.machine;
  console.log(`\nKaizen Navi bench "${report.name}" — ${report.date}`);
  const postgres = m.postgres ? `; PostgreSQL ${m.postgres}` : '';
  console.log(
    `${m.os}; ${m.cpuCount} × ${m.cpuModel}; ${m.totalMemoryGb} GB; Node ${m.node}${postgres}; load ${m.loadAverage1m}\n`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log(`\nwritten: ${files.join(', ')} (bench took ${report.benchSeconds} s)`);
}

/**
 * Ends the bench on its own after limitMs, and on Ctrl-C or SIGTERM, after cleanUp (which kills
 * the servers and drops the databases the bench made).
 */
export function guardBench(limitMs, cleanUp) {
  const abort = async (message, code) => {
    console.error(`\nbench: ${message}; cleaning up`);
    await cleanUp();
    process.exit(code);
  };
  setTimeout(() => void abort(`exceeded ${limitMs / 1000} s`, 1), limitMs).unref();
  process.once('SIGINT', () => void abort('interrupted', 130));
  process.once('SIGTERM', () => void abort('terminated', 143));
}
