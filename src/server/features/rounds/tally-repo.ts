import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Position } from '../../../shared/auth/roles.js';
import type { Db } from '../../db/client.js';
import { sheetAnswers, sheetResponses, sheetRoundTallies } from '../../db/schema/sheet-rounds.js';
import type { OrgScope } from '../../lib/context.js';
import type { RoundRow } from './repo.js';

/**
 * The whole of a round's submitted answers in one grouped scan: responses per level for each
 * (department, position, item). Everything results show is computed from these counts.
 */
export async function answerCells(db: Db, scope: OrgScope, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select({
      roundId: sheetResponses.roundId,
      departmentId: sheetResponses.departmentId,
      position: sheetResponses.position,
      itemKey: sheetAnswers.itemKey,
      level: sheetAnswers.level,
      n: count(),
    })
    .from(sheetAnswers)
    .innerJoin(sheetResponses, eq(sheetResponses.id, sheetAnswers.responseId))
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        inArray(sheetAnswers.roundId, roundIds),
        inArray(sheetResponses.roundId, roundIds),
        eq(sheetResponses.status, 'submitted'),
        isNotNull(sheetAnswers.level),
      ),
    )
    .groupBy(
      sheetResponses.roundId,
      sheetResponses.departmentId,
      sheetResponses.position,
      sheetAnswers.itemKey,
      sheetAnswers.level,
    );
  return rows.map((r) => ({ ...r, level: Number(r.level), n: Number(r.n) }));
}

type TallyAnswerCell = [string | null, string, string, number, number];
type TallyResponseCell = [string | null, string, string | null, number];

/**
 * The counts of closed rounds from their tallies, computing (or recomputing) a tally that is
 * missing or no longer matches its round: another close date, or a response removed since. A
 * tally is computed in one statement, so its counts and response count are of one snapshot;
 * two servers computing it at once write the same row.
 */
export async function closedRoundCells(db: Db, scope: OrgScope, rounds: RoundRow[]) {
  const answers: Awaited<ReturnType<typeof answerCells>> = [];
  const responses: Awaited<ReturnType<typeof responseCells>> = [];
  if (rounds.length === 0) return { answers, responses };
  const stored = await db
    .select({
      roundId: sheetRoundTallies.roundId,
      closesOn: sheetRoundTallies.closesOn,
      closedAt: sheetRoundTallies.closedAt,
      responseCount: sheetRoundTallies.responseCount,
      answerCells: sheetRoundTallies.answerCells,
      responseCells: sheetRoundTallies.responseCells,
      // Qualified by hand: Drizzle leaves columns unqualified in a one-table select.
      liveCount: sql<number>`(select count(*) from sheet_responses r where r.round_id = sheet_round_tallies.round_id and r.status = 'submitted')::int`,
    })
    .from(sheetRoundTallies)
    .where(
      and(
        eq(sheetRoundTallies.orgId, scope.orgId),
        inArray(
          sheetRoundTallies.roundId,
          rounds.map((r) => r.id),
        ),
      ),
    );
  const byRound = new Map(stored.map((row) => [row.roundId, row]));
  for (const round of rounds) {
    const row = byRound.get(round.id);
    const current =
      row &&
      row.closesOn === round.closesOn &&
      (row.closedAt?.getTime() ?? null) === (round.closedAt?.getTime() ?? null) &&
      row.responseCount === Number(row.liveCount);
    const tally = current ? row : await computeTally(db, scope, round);
    for (const [departmentId, position, itemKey, level, n] of tally.answerCells as TallyAnswerCell[]) {
      answers.push({ roundId: round.id, departmentId, position: position as Position, itemKey, level, n });
    }
    for (const [departmentId, position, mostImportantItemKey, n] of tally.responseCells as TallyResponseCell[]) {
      responses.push({ roundId: round.id, departmentId, position: position as Position, mostImportantItemKey, n });
    }
  }
  return { answers, responses };
}

async function computeTally(db: Db, scope: OrgScope, round: RoundRow) {
  // Enough memory to group a city's answers in one hash table instead of spilling to disk.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return writeTally(tx as unknown as Db, scope, round);
  });
}

async function writeTally(db: Db, scope: OrgScope, round: RoundRow) {
  const submitted = sql`r.round_id = ${round.id} and r.org_id = ${scope.orgId} and r.status = 'submitted'`;
  const result = (await db.execute(sql`
    insert into ${sheetRoundTallies} (round_id, org_id, closes_on, closed_at, response_count, answer_cells, response_cells)
    select ${round.id}, ${scope.orgId}, ${round.closesOn}, ${round.closedAt?.toISOString() ?? null}::timestamptz,
      (select count(*) from ${sheetResponses} r where ${submitted}),
      coalesce((
        select jsonb_agg(jsonb_build_array(c.department_id, c.position, c.item_key, c.level, c.n))
        from (
          select r.department_id, r.position, a.item_key, a.level, count(*)::int as n
          from ${sheetAnswers} a join ${sheetResponses} r on r.id = a.response_id
          where a.round_id = ${round.id} and a.level is not null and ${submitted}
          group by r.department_id, r.position, a.item_key, a.level
        ) c
      ), '[]'::jsonb),
      coalesce((
        select jsonb_agg(jsonb_build_array(c.department_id, c.position, c.most_important_item_key, c.n))
        from (
          select r.department_id, r.position, r.most_important_item_key, count(*)::int as n
          from ${sheetResponses} r where ${submitted}
          group by r.department_id, r.position, r.most_important_item_key
        ) c
      ), '[]'::jsonb)
    on conflict (round_id) do update set
      closes_on = excluded.closes_on, closed_at = excluded.closed_at, response_count = excluded.response_count,
      answer_cells = excluded.answer_cells, response_cells = excluded.response_cells, computed_at = now()
    returning answer_cells, response_cells`)) as unknown as {
    rows: { answer_cells: unknown; response_cells: unknown }[];
  };
  const row = result.rows[0];
  if (!row) throw new Error(`tally of round ${round.id} was not written`);
  const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  return { answerCells: parse(row.answer_cells), responseCells: parse(row.response_cells) };
}

/** Submitted responses per (department, position, most important item). */
export async function responseCells(db: Db, scope: OrgScope, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select({
      roundId: sheetResponses.roundId,
      departmentId: sheetResponses.departmentId,
      position: sheetResponses.position,
      mostImportantItemKey: sheetResponses.mostImportantItemKey,
      n: count(),
    })
    .from(sheetResponses)
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        inArray(sheetResponses.roundId, roundIds),
        eq(sheetResponses.status, 'submitted'),
      ),
    )
    .groupBy(
      sheetResponses.roundId,
      sheetResponses.departmentId,
      sheetResponses.position,
      sheetResponses.mostImportantItemKey,
    );
  return rows.map((r) => ({ ...r, position: r.position as Position, n: Number(r.n) }));
}
