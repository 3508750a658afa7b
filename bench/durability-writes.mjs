// The writes of the durability proof, each through the product's own API as its user would send
// it, each carrying a marker of its own so that it can be counted afterwards:
// - cases:     staff report case drafts (POST), titled 「耐久試験 <run> 事例 <n>」, one effect each;
// - sheet:     a manager saves their response to the open round (PUT), every answer's comment
//              「耐久試験 <run> 回答 <n>」 and its levels derived from n: one register, overwritten;
// - workshop:  people join a workshop by code, 「耐久試験 <run> 参加者 <n>」, and answer each item once;
// - plans:     a director and the org admin add steps 「耐久試験 <run> 手順 <n>」 to their plans (PATCH
//              with baseUpdatedAt), 40 to a plan, then start the next plan (POST).
// Every write is entered in the ledger before it is sent and marked when it is answered: acked
// (2xx), refused (any other status) or cut (the connection broke: it may or may not be there).
import { CutError } from './durability-server.mjs';

export const MARK = '耐久試験';
export const PASSWORD = 'kaizen-demo-2026';
const STEPS_PER_PLAN = 40;

export function createLedger() {
  const entries = { cases: new Map(), sheet: new Map(), workshop: new Map(), joins: new Map(), plans: new Map() };
  const steps = new Map();
  return {
    entries,
    steps,
    /** Answers that were neither a success nor a cut: each is an error of the server or of the bench. */
    errors: [],
    /** What a writer saw of its own earlier writes when it came back after a kill. */
    checks: [],
    sent(kind, key, meta = {}) {
      const entry = { key, status: 'sent', ...meta };
      (kind === 'steps' ? steps : entries[kind]).set(key, entry);
      return entry;
    },
  };
}

/** Marks the entry by how its request ended, and returns the answer (null when cut). */
async function send(ledger, entry, kind, promise, okStatuses) {
  try {
    const response = await promise;
    if (okStatuses.includes(response.status)) {
      entry.status = 'acked';
      return response;
    }
    entry.status = 'refused';
    entry.httpStatus = response.status;
    ledger.errors.push({ kind, key: entry.key, status: response.status, body: response.body.slice(0, 300) });
    return response;
  } catch (error) {
    if (!(error instanceof CutError)) throw error;
    entry.status = error.code === 'TIMEOUT' ? 'timeout' : 'cut';
    return null;
  }
}

const cookieFrom = (response, name) =>
  (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith(`${name}=`)) ?? null;

/** Logs in (again after a cut) and returns the session cookie and デモ市's id. */
async function logIn(life, email) {
  const response = await life.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}: ${response.body}`);
  const city = response.json().memberships.find((m) => m.orgName === 'デモ市');
  return { cookie: cookieFrom(response, 'kn_session'), orgId: city.orgId };
}

async function getJson(life, pathname, cookie) {
  const response = await life.request('GET', pathname, { cookie });
  if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}: ${response.body}`);
  return response.json();
}

/** The first open round of デモ市 and its items, as a respondent sees them. */
async function openRound(life, session) {
  const rounds = await getJson(life, `/api/orgs/${session.orgId}/rounds`, session.cookie);
  const round = rounds.find((r) => r.status === 'open');
  if (!round) throw new Error('デモ市 has no open round');
  const detail = await getJson(life, `/api/orgs/${session.orgId}/rounds/${round.id}`, session.cookie);
  const items = detail.content.sections.flatMap((s) => s.items.map((i) => ({ key: i.key, levels: i.levels.length })));
  return { id: round.id, items };
}

/** The levels a sheet save with sequence number n gives: every save differs from the one before. */
export const sheetLevels = (items, n) => items.map((item, i) => 1 + ((n + i) % item.levels));

/**
 * Starts the writers; each runs until life.finish(). `lanes` says how many of each run at once.
 * Returns a promise that settles when every writer has stopped (with no request in flight).
 */
export function runWriters({ life, ledger, runId, lanes, onError }) {
  const seq = { cases: 0, sheet: 0, workshop: 0, plans: 0, steps: 0 };
  const workers = [];
  const shared = { workshop: null };

  /** Runs step() until the proof is over; a cut waits for the next start; other failures are errors. */
  const lane = async (name, init, step) => {
    let state = null;
    while (!life.finished) {
      await life.whenUp();
      if (life.finished) break;
      try {
        if (!state) state = await init();
        await step(state);
      } catch (error) {
        if (error instanceof CutError) {
          if (state) state.cut = true;
          continue;
        }
        onError(name, error);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };

  for (let i = 0; i < lanes.cases; i++) {
    workers.push(
      lane(
        `cases ${i + 1}`,
        () => logIn(life, 'staff@demo.kaizen-navi.jp'),
        async (session) => {
          const n = ++seq.cases;
          const title = `${MARK} ${runId} 事例 ${n}`;
          const entry = ledger.sent('cases', title, { n });
          await send(
            ledger,
            entry,
            'cases',
            life.request('POST', `/api/orgs/${session.orgId}/cases`, {
              cookie: session.cookie,
              body: {
                title,
                problem: `${title}: 窓口で申請書を三回書き直していた`,
                action: '記入例を窓口に置いた',
                happenedOn: '2026-10-01',
                tags: [MARK],
                effects: [{ kind: 'hours_per_year', actual: n }],
              },
            }),
            [201],
          );
        },
      ),
    );
  }

  for (let i = 0; i < lanes.sheet; i++) {
    const email = ['manager@demo.kaizen-navi.jp', 'staff@demo.kaizen-navi.jp'][i];
    workers.push(
      lane(
        `sheet ${email}`,
        async () => {
          const session = await logIn(life, email);
          const round = await openRound(life, session);
          ledger.round ??= round;
          const defaults = await getJson(
            life,
            `/api/orgs/${session.orgId}/rounds/${round.id}/response-defaults`,
            session.cookie,
          );
          return { ...session, round, defaults, email, exists: null, lastAcked: 0, cut: true };
        },
        async (state) => {
          const base = `/api/orgs/${state.orgId}/rounds/${state.round.id}/my-response`;
          if (state.cut) {
            // Back after a kill: what is stored must be the last acknowledged save or one sent after it.
            const response = await life.request('GET', base, { cookie: state.cookie });
            state.exists = response.status === 200;
            if (response.status !== 200 && response.status !== 404)
              throw new Error(`GET my-response answered ${response.status}`);
            const stored = response.status === 200 ? readSheet(response.json().answers, state.round.items) : null;
            ledger.checks.push({
              kind: 'sheet',
              who: email,
              lastAcked: state.lastAcked,
              stored: stored?.n ?? null,
              ok: stored ? stored.whole && stored.n >= state.lastAcked : state.lastAcked === 0,
            });
            state.cut = false;
          }
          const n = ++seq.sheet;
          const levels = sheetLevels(state.round.items, n);
          const entry = ledger.sent('sheet', `${email} ${n}`, { n, email });
          const response = await send(
            ledger,
            entry,
            'sheet',
            life.request(state.exists ? 'PUT' : 'POST', base, {
              cookie: state.cookie,
              body: {
                position: state.defaults.position,
                departmentId: state.defaults.departmentId,
                mostImportantItemKey: state.round.items[n % state.round.items.length].key,
                answers: state.round.items.map((item, j) => ({
                  itemKey: item.key,
                  level: levels[j],
                  comment: `${MARK} ${runId} 回答 ${n}`,
                })),
                submit: false,
              },
            }),
            [200, 201],
          );
          if (response && entry.status === 'acked') {
            state.exists = true;
            state.lastAcked = n;
          } else state.cut = true;
        },
      ),
    );
  }

  const workshopOf = async () => {
    shared.workshop ??= (async () => {
      const session = await logIn(life, 'admin@demo.kaizen-navi.jp');
      const round = await openRound(life, session);
      const title = `${MARK} ${runId} ワークショップ`;
      const list = await getJson(life, `/api/orgs/${session.orgId}/workshops`, session.cookie);
      let found = list.workshops.find((w) => w.title === title);
      if (!found) {
        const opened = await life.request('POST', `/api/orgs/${session.orgId}/workshops`, {
          cookie: session.cookie,
          body: { roundId: round.id, title, grouping: 'position' },
        });
        if (opened.status !== 201) throw new Error(`opening the workshop answered ${opened.status}: ${opened.body}`);
        found = opened.json();
      }
      const view = await getJson(life, `/api/orgs/${session.orgId}/workshops/${found.id}`, session.cookie);
      return {
        id: found.id,
        code: found.code,
        items: view.items.map((i) => ({ key: i.key, levels: i.levels.length })),
      };
    })().catch((error) => {
      shared.workshop = null;
      throw error;
    });
    return shared.workshop;
  };

  for (let i = 0; i < lanes.workshop; i++) {
    workers.push(
      lane(
        `workshop ${i + 1}`,
        async () => ({ workshop: await workshopOf(), person: null }),
        async (state) => {
          const { workshop } = state;
          if (!state.person || state.cut || state.person.next >= workshop.items.length) {
            // A person joins; one whose join or answer was cut gives way to the next, as a phone
            // that lost its page would join again.
            state.cut = false;
            const n = ++seq.workshop;
            const nickname = `${MARK} ${runId} 参加者 ${n}`;
            const entry = ledger.sent('joins', nickname, { n });
            state.person = null;
            const response = await send(
              ledger,
              entry,
              'joins',
              life.request('POST', '/api/workshops/join', {
                body: { code: workshop.code, nickname, position: 'staff' },
              }),
              [201],
            );
            if (entry.status === 'acked') {
              const name = `kn_ws_${workshop.id.replaceAll('-', '')}`;
              state.person = { nickname, cookie: cookieFrom(response, name), next: 0, n };
            }
            return;
          }
          const person = state.person;
          const item = workshop.items[person.next++];
          const level = 1 + ((person.n + person.next) % item.levels);
          const entry = ledger.sent('workshop', `${person.nickname} ${item.key}`, {
            nickname: person.nickname,
            itemKey: item.key,
            level,
          });
          const response = await send(
            ledger,
            entry,
            'workshop',
            life.request('PUT', `/api/workshops/${workshop.id}/answers`, {
              cookie: person.cookie,
              body: { itemKey: item.key, level },
            }),
            [204],
          );
          if (!response) state.cut = true;
        },
      ),
    );
  }

  for (let i = 0; i < lanes.plans; i++) {
    const email = ['director@demo.kaizen-navi.jp', 'admin@demo.kaizen-navi.jp'][i];
    workers.push(
      lane(
        `plans ${email}`,
        async () => ({ ...(await logIn(life, email)), plan: null, cut: false }),
        (state) => writePlan(life, ledger, state, { runId, seq, email }),
      ),
    );
  }
  return Promise.all(workers);
}

/** One plan save: a new plan when there is none or it is full, otherwise the next step. */
async function writePlan(life, ledger, state, { runId, seq, email }) {
  const base = `/api/orgs/${state.orgId}/plans`;
  if (state.cut && state.plan) {
    // Back after a kill: reload the plan (the cut save may or may not be in it) and check that
    // every acknowledged step is there once.
    const response = await life.request('GET', `${base}/${state.plan.id}`, { cookie: state.cookie });
    if (response.status !== 200) throw new Error(`GET plan answered ${response.status}`);
    const detail = response.json();
    const texts = detail.draft.steps.map((s) => s.text);
    const acked = [...ledger.steps.values()].filter((s) => s.planTitle === state.plan.title && s.status === 'acked');
    const missing = acked.filter((s) => texts.filter((t) => t === s.key).length !== 1);
    ledger.checks.push({ kind: 'plans', who: email, acked: acked.length, ok: missing.length === 0 });
    state.plan = { ...state.plan, draft: detail.draft, updatedAt: detail.updatedAt };
  }
  state.cut = false;
  if (!state.plan || state.plan.draft.steps.length >= STEPS_PER_PLAN) {
    const n = ++seq.plans;
    const title = `${MARK} ${runId} 計画 ${n}`;
    const entry = ledger.sent('plans', title, { n });
    state.plan = null;
    const response = await send(
      ledger,
      entry,
      'plans',
      life.request('POST', base, {
        cookie: state.cookie,
        body: {
          content: { title, goal: '窓口の待ち時間を半分にする', aim: 'defense', startsOn: '2026-10-01', steps: [] },
        },
      }),
      [201],
    );
    if (entry.status === 'acked') {
      const detail = response.json();
      state.plan = { id: detail.id, title, draft: detail.draft, updatedAt: detail.updatedAt };
    }
    return;
  }
  const n = ++seq.steps;
  const text = `${MARK} ${runId} 手順 ${n}`;
  const draft = { ...state.plan.draft, steps: [...state.plan.draft.steps, { id: `d${n}`, text }] };
  const entry = ledger.sent('steps', text, { n, planTitle: state.plan.title });
  const response = await send(
    ledger,
    entry,
    'steps',
    life.request('PATCH', `${base}/${state.plan.id}`, {
      cookie: state.cookie,
      body: { baseUpdatedAt: state.plan.updatedAt, content: draft },
    }),
    [200],
  );
  if (!response) state.cut = true;
  else if (entry.status === 'acked') {
    const detail = response.json();
    state.plan = { ...state.plan, draft: detail.draft, updatedAt: detail.updatedAt };
  } else state.cut = true;
}

/**
 * A stored sheet response read back ({ itemKey, level, comment } per answer): the save number its
 * comments carry, and whether it is whole (every item, all from that save, with its levels).
 */
export function readSheet(answers, items) {
  const numbers = new Set(answers.map((a) => /回答 (\d+)$/.exec(a.comment ?? '')?.[1] ?? 'none'));
  if (numbers.size !== 1 || numbers.has('none')) return { n: -1, whole: false };
  const n = Number([...numbers][0]);
  const expected = sheetLevels(items, n);
  const byKey = new Map(answers.map((a) => [a.itemKey, a.level]));
  const whole = answers.length === items.length && items.every((item, i) => byKey.get(item.key) === expected[i]);
  return { n, whole };
}
