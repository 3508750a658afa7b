// Counts, in the database the server left behind, every write of the durability ledger: an
// acknowledged write must be there exactly once and whole; a cut one once or not at all, whole if
// there; a refused one not at all. The sheet response is a register: it must hold the last
// acknowledged save (or one sent after it whose answer was cut), never an earlier one, with every
// answer from the same save.
import { MARK, readSheet } from './durability-writes.mjs';

function tally() {
  return {
    acknowledged: 0,
    found: 0,
    lost: 0,
    doubled: 0,
    notWhole: 0,
    cut: { present: 0, absent: 0 },
    refused: 0,
    refusedButStored: 0,
    unknown: 0,
  };
}

/** Counts one kind: rows grouped by their marker, each ledger entry against its rows. */
function countEntries(entries, rowsByKey, isWhole = () => true) {
  const t = tally();
  for (const entry of entries.values()) {
    const rows = rowsByKey.get(entry.key) ?? [];
    if (rows.length > 1) t.doubled++;
    const whole = rows.length === 1 && isWhole(rows[0], entry);
    if (rows.length === 1 && !whole) t.notWhole++;
    if (entry.status === 'acked') {
      t.acknowledged++;
      if (rows.length === 0) t.lost++;
      else if (rows.length === 1 && whole) t.found++;
    } else if (entry.status === 'refused') {
      t.refused++;
      if (rows.length > 0) t.refusedButStored++;
    } else if (entry.status === 'cut' || entry.status === 'timeout') {
      if (rows.length === 0) t.cut.absent++;
      else t.cut.present++;
    }
  }
  for (const key of rowsByKey.keys()) if (!entries.has(key)) t.unknown++;
  return t;
}

const groupBy = (rows, keyOf) => {
  const map = new Map();
  for (const row of rows) {
    const key = keyOf(row);
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(row);
  }
  return map;
};

/** Reads back everything the run wrote; query(sql, params) returns rows. */
export async function checkStored(query, ledger, { runId, sheetItems, roundId }) {
  const like = (word) => `${MARK} ${runId} ${word} %`;
  const cases = await query(
    `select c.title,
            (select count(*) from case_reporters r where r.case_id = c.id)::int as reporters,
            (select count(*) from case_effects e where e.case_id = c.id)::int as effects,
            (select min(e.actual) from case_effects e where e.case_id = c.id)::int as hours,
            (select count(*) from case_tag_links l where l.case_id = c.id)::int as tags
       from kaizen_cases c where c.title like $1`,
    [like('事例')],
  );
  const participants = await query('select nickname from workshop_participants where nickname like $1', [
    like('参加者'),
  ]);
  const answers = await query(
    `select p.nickname, a.item_key, a.level from workshop_answers a
       join workshop_participants p on p.id = a.participant_id where p.nickname like $1`,
    [like('参加者')],
  );
  const plans = await query(
    `select draft->>'title' as title, draft->'steps' as steps from plans where draft->>'title' like $1`,
    [like('計画')],
  );
  const responses = await query(
    `select r.id, u.email from sheet_responses r join users u on u.id = r.user_id where r.round_id = $1`,
    [roundId],
  );
  const sheetAnswers = await query(
    'select response_id, item_key, level, comment from sheet_answers where round_id = $1',
    [roundId],
  );

  const byKind = {
    cases: countEntries(
      ledger.entries.cases,
      groupBy(cases, (r) => r.title),
      (row, entry) => row.reporters === 1 && row.effects === 1 && row.hours === entry.n && row.tags === 1,
    ),
    workshopJoins: countEntries(
      ledger.entries.joins,
      groupBy(participants, (r) => r.nickname),
    ),
    workshopAnswers: countEntries(
      ledger.entries.workshop,
      groupBy(answers, (r) => `${r.nickname} ${r.item_key}`),
      (row, entry) => row.level === entry.level,
    ),
    plans: countEntries(
      ledger.entries.plans,
      groupBy(plans, (r) => r.title),
    ),
    planSteps: countEntries(
      ledger.steps,
      groupBy(
        plans.flatMap((p) =>
          (typeof p.steps === 'string' ? JSON.parse(p.steps) : p.steps).map((s) => ({ ...s, plan: p.title })),
        ),
        (s) => s.text,
      ),
      (step, entry) => step.plan === entry.planTitle && step.id === `d${entry.n}`,
    ),
    sheetSaves: checkSheet(ledger.entries.sheet, ledger.checks, responses, sheetAnswers, sheetItems),
  };
  const total = tally();
  for (const t of Object.values(byKind)) {
    for (const [key, value] of Object.entries(t)) {
      if (typeof value === 'number') total[key] += value;
      else for (const [k, v] of Object.entries(value)) total[key][k] += v;
    }
  }
  return { total, byKind };
}

/** The sheet register of each respondent: one response, whole, at or after the last acknowledged save. */
function checkSheet(entries, checks, responses, answerRows, items) {
  const t = tally();
  const answersOf = groupBy(answerRows, (r) => r.response_id);
  const byEmail = groupBy([...entries.values()], (e) => e.email);
  for (const [email, saves] of byEmail) {
    const rows = responses.filter((r) => r.email === email);
    if (rows.length > 1) t.doubled++;
    const acked = saves.filter((s) => s.status === 'acked');
    const lastAcked = Math.max(0, ...acked.map((s) => s.n));
    t.acknowledged += acked.length;
    t.refused += saves.filter((s) => s.status === 'refused').length;
    const stored =
      rows.length === 1
        ? readSheet(
            (answersOf.get(rows[0].id) ?? []).map((a) => ({ itemKey: a.item_key, level: a.level, comment: a.comment })),
            items,
          )
        : null;
    // A cut save is known to have been applied if it was stored when its writer came back.
    const seenAfterKill = new Set(checks.filter((c) => c.kind === 'sheet' && c.who === email).map((c) => c.stored));
    if (stored && !stored.whole) t.notWhole++;
    const n = stored?.whole ? stored.n : -1;
    const cutAfter = saves.some((s) => s.n === n && (s.status === 'cut' || s.status === 'timeout') && n > lastAcked);
    if (n === lastAcked || cutAfter) t.found += acked.length;
    else {
      // Acknowledged saves newer than what is stored were lost; older ones it replaced.
      t.lost += acked.filter((s) => s.n > n).length;
      t.found += acked.filter((s) => s.n <= n).length;
    }
    for (const s of saves.filter((s) => s.status === 'cut' || s.status === 'timeout')) {
      if (s.n === n || seenAfterKill.has(s.n)) t.cut.present++;
      else t.cut.absent++;
    }
    if (saves.some((s) => s.status === 'refused' && s.n === n)) t.refusedButStored++;
  }
  return t;
}
