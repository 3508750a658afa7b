// Figure 1: time from spawning the server to its first healthy answer, on the embedded PGlite.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onInterrupt, startServer } from './server.mjs';
import { median, round } from './stats.mjs';

/**
 * Each run uses a fresh DATA_DIR: the first start creates the database, migrates and seeds the
 * demo data; the second start on the same directory is the everyday (warm) start.
 */
export async function measureStartup({ runs }) {
  const first = [];
  const warm = [];
  const reportedFirst = [];
  const reportedWarm = [];
  for (let run = 0; run < runs; run += 1) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kn-bench-data-'));
    const removeDir = () => rm(dataDir, { recursive: true, force: true });
    const forget = onInterrupt(removeDir);
    try {
      const cold = await startServer({ env: { DATA_DIR: dataDir } });
      await cold.stop();
      first.push(cold.readyMs);
      reportedFirst.push(cold.reportedMs);
      const again = await startServer({ env: { DATA_DIR: dataDir } });
      await again.stop();
      warm.push(again.readyMs);
      reportedWarm.push(again.reportedMs);
    } finally {
      forget();
      await removeDir();
    }
  }
  const summarize = (samples, reported) => ({
    medianMs: round(median(samples), 0),
    samplesMs: samples.map((s) => round(s, 0)),
    serverReportedMedianMs: round(median(reported.filter((r) => r !== null)), 0),
  });
  return {
    runs,
    targetMs: 10_000,
    firstStart: summarize(first, reportedFirst),
    warmStart: summarize(warm, reportedWarm),
  };
}
