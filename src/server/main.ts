import { buildApp } from './app.js';
import { openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { readEnv, shouldSeedDemo } from './env.js';
import { createMailer, createSmtpTransport, mailJobHandlers } from './features/mail/mailer.js';
import { reminderHandlers } from './features/plans/reminders.js';
import { startHousekeeping } from './lib/housekeeping.js';
import { JobWorker } from './lib/jobs.js';
import { DEMO_PASSWORD, demoLogins, isDatabaseEmpty, seedDemo } from './seed/demo.js';

async function main() {
  const startedAt = performance.now();
  const env = readEnv();
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DB_POOL_MAX,
  });
  await migrateDatabase(database);
  const seedDemoData = shouldSeedDemo(env);
  const seeded = seedDemoData && (await isDatabaseEmpty(database.db)) ? await seedDemo(database.db) : null;
  const now = () => new Date();
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  const mailer = createMailer({
    db: database.db,
    transport: createSmtpTransport(env.SMTP_URL),
    from: env.MAIL_FROM,
    publicUrl,
    now,
  });
  const app = await buildApp(
    { env, database, db: database.db, mailer, now },
    {
      serveWeb: true,
      logger: {
        level: env.LOG_LEVEL,
        ...(process.stdout.isTTY && env.NODE_ENV !== 'production' ? { transport: { target: 'pino-pretty' } } : {}),
        redact: ['req.headers.cookie', 'req.headers.authorization'],
      },
    },
  );
  const stopHousekeeping = startHousekeeping(database.db, now, (error) =>
    app.log.error({ err: error }, 'housekeeping failed'),
  );
  // Reminders of action plans and mails to retry: every app server runs a worker; each job runs once among them.
  const worker = new JobWorker(database.db, { ...reminderHandlers(mailer), ...mailJobHandlers(mailer) }, now, {
    leaseSeconds: 300,
    pollMs: 30_000,
    afterCommit: (ids) => mailer.deliver(ids),
    onError: (error, job) => app.log.error({ err: error, job: job.key }, 'job failed'),
  });
  worker.start();
  await app.listen({ port: env.PORT, host: env.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const lines = [
    '',
    `カイゼンナビ / Kaizen Navi is ready: ${url}`,
    `  database: ${database.kind === 'pglite' ? `embedded PGlite (${env.DATA_DIR})` : 'PostgreSQL (DATABASE_URL)'}`,
    `  API docs: ${url}/api/docs`,
    `  ready in ${Math.round(performance.now() - startedAt)} ms`,
  ];
  if (seedDemoData && (seeded || database.kind === 'pglite')) {
    lines.push(
      seeded
        ? '  demo data created. Demo logins (password for all):'
        : '  demo logins (password for all, unless changed):',
    );
    lines.push(`    password: ${DEMO_PASSWORD}`);
    for (const login of demoLogins()) lines.push(`    ${login.email.padEnd(34)} ${login.name}  ${login.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopHousekeeping();
    await worker.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(
    `Kaizen Navi failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
