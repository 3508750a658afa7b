import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/db-kind.js';
import { createOrgWithAdmin } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createRound, importTemplate } from '../../../../test/rounds.js';
import * as repo from './repo.js';

/**
 * A facilitator's change (reveal, step, lock) holds the workshop row and then adds its state
 * event; a tally being published at the same moment adds an event too. Adding an event takes the
 * workshop's event lock, and its row for the foreign key: both in the same order everywhere, or
 * the two wait for each other until PostgreSQL aborts one (the lock or the tally is lost). PGlite
 * runs one transaction at a time, so this is a PostgreSQL test.
 */

const onPostgres = testDatabaseKind() === 'postgres';
let t: TestApp;
let workshopId: string;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  const org = await createOrgWithAdmin(t, { name: '同時市' });
  const { templateId } = await importTemplate(t, org.org.id, org.cookie);
  const roundId = await createRound(t, org.org.id, org.cookie, { templateId, anonymityThreshold: 3 });
  const opened = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.org.id}/workshops`,
    headers: { cookie: org.cookie },
    payload: { roundId, title: '同時の変更', grouping: 'position' },
  });
  workshopId = (opened.json() as { id: string }).id;
});
afterAll(() => t?.close());

describe.runIf(onPostgres)('events added while the workshop row is held', () => {
  it('wait for the change instead of deadlocking with it', async () => {
    let tally: Promise<unknown> = Promise.resolve(null);
    await t.database.db.transaction(async (tx) => {
      // The facilitator's change: the row first (findWorkshop with lock) …
      await tx.execute(sql`select id from workshops where id = ${workshopId} for update`);
      // … while a tally is published by another request …
      tally = repo
        .insertEvent(t.database.db, { workshopId, kind: 'tally', audience: 'all', payload: { v: 1 }, now: new Date() })
        .catch((error: Error) => error.cause ?? error);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // … and then its own state event, which takes the workshop's event lock.
      await repo.insertEvent(tx, { workshopId, kind: 'state', audience: 'all', payload: {}, now: new Date() });
    });
    expect(await tally).toBeGreaterThan(0);
  });
});
