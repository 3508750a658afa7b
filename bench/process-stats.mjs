// What the benches read of the processes they start: memory and CPU time from /proc, and the CPU
// time of the PostgreSQL backends that serve the bench's database.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { round } from './stats.mjs';

/** CPU seconds a process has used so far (user + system), from /proc. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU seconds of the PostgreSQL backends serving the bench database (the server's pool and its
 * LISTEN) from start() to stop(), sampled each second so that connections the pool opens or
 * closes meanwhile are counted too.
 */
export function postgresCpu(url) {
  const db = new pg.Client({ connectionString: url });
  const seen = new Map();
  let timer = null;
  const sample = async (starting) => {
    const { rows } = await db.query(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    for (const { pid } of rows) {
      const now = cpuSeconds(pid);
      if (now === null) continue;
      const known = seen.get(pid);
      if (known) known.last = now;
      else seen.set(pid, { first: starting ? now : 0, last: now });
    }
  };
  return {
    async start() {
      await db.connect();
      await sample(true);
      timer = setInterval(() => void sample(false).catch(() => {}), 1000);
    },
    async stop() {
      clearInterval(timer);
      await sample(false).catch(() => {});
      await db.end();
      return round(
        [...seen.values()].reduce((sum, p) => sum + p.last - p.first, 0),
        1,
      );
    },
  };
}

export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return round(kb / 1024, 1);
  } catch {
    return null;
  }
}
