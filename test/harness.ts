import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { desc, eq } from 'drizzle-orm';
import { inject } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { type Database, openDatabase } from '../src/server/db/client.js';
import { mails } from '../src/server/db/schema/mails.js';
import type { AppDeps, ZodApp } from '../src/server/deps.js';
import { type Env, readEnv } from '../src/server/env.js';
import { createMailer } from '../src/server/features/mail/mailer.js';
import { databaseUrlFor, testDatabaseKind } from './db-kind.js';

export interface TestApp {
  app: ZodApp;
  database: Database;
  deps: AppDeps;
  /** Moves the server's clock; starts at the real time. */
  clock: { now: () => Date; advance: (ms: number) => void; set: (date: Date) => void };
  /** The mails queued so far for an address, newest first. */
  mailsTo(address: string): Promise<(typeof mails.$inferSelect)[]>;
  /** Waits (up to 5 s) until at least `count` mails to the address exist: some are sent after the reply. */
  waitForMails(address: string, count?: number): Promise<(typeof mails.$inferSelect)[]>;
  close(): Promise<void>;
}

/** A fresh database for this test file (a copy of the migrated template) and an app on it. */
export async function createTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  let current = Date.now();
  const clock = {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
    set: (date: Date) => {
      current = date.getTime();
    },
  };
  const env: Env = readEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...envOverrides });
  const mailer = createMailer({
    db: database.db,
    transport: null,
    from: env.MAIL_FROM,
    publicUrl: 'http://kaizen.test',
    now: clock.now,
  });
  const deps: AppDeps = { env, database, db: database.db, mailer, now: clock.now };
  const mailsTo = (address: string) =>
    database.db.select().from(mails).where(eq(mails.to, address)).orderBy(desc(mails.createdAt));
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    database,
    deps,
    clock,
    mailsTo,
    async waitForMails(address, count = 1) {
      const deadline = Date.now() + 5000;
      for (;;) {
        const found = await mailsTo(address);
        if (found.length >= count || Date.now() > deadline) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testDatabaseKind() === 'postgres') {
    const { default: pg } = await import('pg');
    const name = `kn_test_${process.ppid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    const database = await openDatabase({ databaseUrl: databaseUrlFor(name), poolMax: 5 });
    return {
      database,
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  return { database: await openDatabase({ pglite: client }), drop: async () => {} };
}
