// A city hall's worth of rounds for the rounds bench: an organisation with a 部 → 課 → 係 tree,
// members spread over positions as in a city hall, the 職場編（詳細版） sample copied through the API,
// and two closed rounds of it (this year's and last year's) filled with generated responses.
// Bulk rows go in through unnest() arrays: one statement per batch instead of one per row.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { insertColumns, membershipColumns, userColumns } from './bulk.mjs';
import { createRandom } from './random.mjs';

const SAMPLE_KEY = 'workplace-detailed';

const bureaus = [
  { name: '総務部', divisions: ['総務課', '人事課', '財政課', '行政改革課'] },
  { name: '市民生活部', divisions: ['市民課', '保険年金課', '税務課', '環境課'] },
  { name: '健康福祉部', divisions: ['福祉政策課', '子育て支援課', '高齢者支援課', '健康づくり課'] },
  { name: '都市整備部', divisions: ['都市計画課', '道路課', '建築指導課', '下水道課'] },
  { name: '教育部', divisions: ['教育総務課', '学校教育課', '生涯学習課', 'スポーツ振興課'] },
];
const unitNames = ['管理係', '企画係', '業務係'];

// How a city hall of this size spreads over positions: mostly staff, one 係長 for six or seven.
const positionShares = [
  ['executive', 0.001],
  ['director', 0.005],
  ['section_chief', 0.03],
  ['subsection_chief', 0.14],
  ['staff', 0.79],
  ['other', 0.034],
];
// People higher up tend to see their workplace more favourably: the gap results show.
const positionBias = {
  executive: 0.6,
  director: 0.5,
  section_chief: 0.35,
  subsection_chief: 0.15,
  staff: 0,
  other: -0.1,
};
const commentTexts = ['朝礼で共有している。', '係内で話し合いたい。', '課によって差がある。', '来年度に向けて検討中。'];

/** A session the way logging in makes one: the cookie carries the token, the table its SHA-256. */
export function newSession(userId, now) {
  const token = randomBytes(32).toString('base64url');
  const row = {
    id: createHash('sha256').update(token).digest('hex'),
    user_id: userId,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + 86_400_000),
    user_agent: 'kaizen-navi bench',
  };
  return { row, cookie: `kn_session=${token}` };
}

/** A JSON API client for one session; throws on an unexpected status. */
export function apiClient(baseUrl, cookie) {
  return async (method, path, body, expected = 200) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

const isoDay = (date) => date.toISOString().slice(0, 10);
// Rounds' dates are days in Japan.
const japanDay = (date) => isoDay(new Date(date.getTime() + 9 * 3600_000));
const daysFrom = (date, days) => new Date(date.getTime() + days * 86_400_000);

function buildTree(orgId, now) {
  const rows = [];
  const divisions = [];
  const units = [];
  let sort = 0;
  const add = (name, level, parentId) => {
    const id = randomUUID();
    rows.push({
      id,
      org_id: orgId,
      parent_id: parentId,
      name,
      level,
      sort_order: sort++,
      created_at: now,
      updated_at: now,
    });
    return id;
  };
  const bureauIds = bureaus.map((bureau) => {
    const bureauId = add(bureau.name, 'bureau', null);
    for (const divisionName of bureau.divisions) {
      const divisionId = add(divisionName, 'division', bureauId);
      divisions.push({ id: divisionId, bureauId });
      for (const unitName of unitNames) units.push({ id: add(unitName, 'unit', divisionId), divisionId });
    }
    return bureauId;
  });
  return { rows, bureauIds, divisions, units };
}

/** Members with a position and the department that goes with it (部長 on a 部, 課長 on a 課, the rest in 係). */
function buildMembers(random, tree, count) {
  // 係 differ in size: a 窓口 has more people than a 企画係.
  const unitWeights = tree.units.map((u) => [u.id, random.between(0.5, 1.5)]);
  const members = [];
  for (let i = 0; i < count; i++) {
    const position = i === 0 ? 'subsection_chief' : random.weighted(positionShares);
    let departmentId = null;
    if (position === 'director') departmentId = random.pick(tree.bureauIds);
    else if (position === 'section_chief') departmentId = random.pick(tree.divisions).id;
    else if (position !== 'executive') departmentId = random.weighted(unitWeights);
    members.push({ userId: randomUUID(), position, departmentId });
  }
  return members;
}

/** Generated responses of some members to a round, with answers skewed per item, position and 課. */
function buildResponses(random, { roundId, orgId, members, items, bias, shift, opensOn, closesOn }) {
  const start = new Date(`${opensOn}T00:00:00Z`).getTime();
  const span = new Date(`${closesOn}T23:00:00Z`).getTime() - start;
  // A few items are chosen as most important far more often than the rest.
  const popularity = random.shuffle(items).map((item, rank) => [item.key, Math.exp(-rank / 5)]);
  const responses = [];
  const answers = [];
  for (const member of members) {
    const id = randomUUID();
    const submittedAt = new Date(start + random.next() * span);
    responses.push({
      id,
      round_id: roundId,
      org_id: orgId,
      user_id: member.userId,
      status: 'submitted',
      position: member.position,
      department_id: member.departmentId,
      most_important_item_key: random.next() < 0.9 ? random.weighted(popularity) : null,
      submitted_at: submittedAt,
      created_at: submittedAt,
      updated_at: submittedAt,
    });
    const base = 2.4 + shift + positionBias[member.position] + (bias.byDepartment.get(member.departmentId) ?? 0);
    for (const item of items) {
      const raw = Math.round(base + bias.byItem.get(item.key) + random.normal() * 0.75);
      answers.push({
        response_id: id,
        round_id: roundId,
        item_key: item.key,
        level: Math.min(item.levelCount, Math.max(1, raw)),
        comment: random.next() < 0.02 ? random.pick(commentTexts) : null,
      });
    }
  }
  return { responses, answers };
}

/** Every department's lean, inherited from its 課 (a 課 has a culture; its 係 share it). */
function buildBias(random, tree, items) {
  const byDepartment = new Map();
  for (const division of tree.divisions) byDepartment.set(division.id, random.between(-0.35, 0.35));
  for (const unit of tree.units) byDepartment.set(unit.id, byDepartment.get(unit.divisionId));
  return { byDepartment, byItem: new Map(items.map((item) => [item.key, random.between(-0.9, 0.9)])) };
}

const departmentColumns = {
  id: 'uuid',
  org_id: 'uuid',
  parent_id: 'uuid',
  name: 'text',
  level: 'text',
  sort_order: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const responseColumns = {
  id: 'uuid',
  round_id: 'uuid',
  org_id: 'uuid',
  user_id: 'uuid',
  status: 'text',
  position: 'text',
  department_id: 'uuid',
  most_important_item_key: 'text',
  submitted_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const answerColumns = { response_id: 'uuid', round_id: 'uuid', item_key: 'text', level: 'smallint', comment: 'text' };

/**
 * Fills the bench database (already migrated by the server) and returns what the measurements need:
 * the organisation, an org admin's cookie, the two closed rounds, the 部, and members with sessions who
 * have not answered anything yet (for the submit load).
 */
export async function seedRoundsOrg(db, baseUrl, settings) {
  const random = createRandom(20260401);
  const now = new Date();
  const orgId = randomUUID();
  await db.query(
    `insert into organizations (id, kind, name, name_kana, municipality_type, population)
     values ($1, 'municipality', 'ベンチ市', 'べんちし', 'city', 350000)`,
    [orgId],
  );
  const tree = buildTree(orgId, now);
  await insertColumns(db, 'departments', departmentColumns, tree.rows);

  const members = buildMembers(random, tree, settings.members);
  await insertColumns(
    db,
    'users',
    userColumns,
    members.map((m, i) => ({
      id: m.userId,
      email: `member-${String(i).padStart(5, '0')}@bench.kaizen-navi.jp`,
      display_name: `職員 ${i}`,
      created_at: now,
      updated_at: now,
    })),
  );
  await insertColumns(
    db,
    'memberships',
    membershipColumns,
    members.map((m, i) => ({
      id: randomUUID(),
      org_id: orgId,
      user_id: m.userId,
      role: i === 0 ? 'org_admin' : ['director', 'section_chief'].includes(m.position) ? 'manager' : 'staff',
      position: m.position,
      department_id: m.departmentId,
      created_at: now,
      updated_at: now,
    })),
  );
  // Member 0 is the org admin who reads results; the next ones submit in the open round later.
  const [admin, ...others] = members;
  const adminSession = newSession(admin.userId, now);
  const submitters = others.slice(0, settings.submitters).map((m) => ({ ...m, session: newSession(m.userId, now) }));
  await insertColumns(
    db,
    'sessions',
    {
      id: 'text',
      user_id: 'uuid',
      created_at: 'timestamptz',
      last_seen_at: 'timestamptz',
      expires_at: 'timestamptz',
      user_agent: 'text',
    },
    [adminSession, ...submitters.map((s) => s.session)].map((s) => s.row),
  );

  const api = apiClient(baseUrl, adminSession.cookie);
  const { templateId, version } = await api(
    'POST',
    `/api/orgs/${orgId}/sheet-templates/from-sample`,
    { sampleKey: SAMPLE_KEY },
    201,
  );
  const today = japanDay(now);
  const createRound = (title) =>
    api(
      'POST',
      `/api/orgs/${orgId}/rounds`,
      { title, templateId, version, scopeKind: 'org', opensOn: today, closesOn: today },
      201,
    );
  // Rounds cannot be created in the past through the API; their dates are moved back afterwards.
  const rounds = [
    { title: '職場のふりかえり（前年度）', opensOn: daysFrom(now, -400), closesOn: daysFrom(now, -379), shift: -0.2 },
    { title: '職場のふりかえり（今年度）', opensOn: daysFrom(now, -35), closesOn: daysFrom(now, -14), shift: 0 },
  ];
  for (const round of rounds) {
    round.id = (await createRound(round.title)).id;
    round.opensOn = isoDay(round.opensOn);
    round.closesOn = isoDay(round.closesOn);
    await db.query('update sheet_rounds set opens_on = $2, closes_on = $3 where id = $1', [
      round.id,
      round.opensOn,
      round.closesOn,
    ]);
  }
  const [previous, current] = rounds;
  const detail = await api('GET', `/api/orgs/${orgId}/rounds/${current.id}`);
  const items = detail.content.sections.flatMap((section) =>
    section.items.map((item) => ({ key: item.key, levelCount: item.levels.length })),
  );

  const bias = buildBias(random, tree, items);
  // Not everyone answers: a random share of the members (never the admin), fewer last year.
  const counts = new Map([
    [previous.id, settings.previousResponses],
    [current.id, settings.responses],
  ]);
  let answerRows = 0;
  for (const round of rounds) {
    const respondents = random.shuffle(others).slice(0, counts.get(round.id));
    const { responses, answers } = buildResponses(random, {
      roundId: round.id,
      orgId,
      members: respondents,
      items,
      bias,
      shift: round.shift,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
    });
    await insertColumns(db, 'sheet_responses', responseColumns, responses);
    await insertColumns(db, 'sheet_answers', answerColumns, answers);
    answerRows += answers.length;
  }
  // What autovacuum would have done by the time anyone reads results: statistics and a visibility map.
  await db.query('vacuum analyze users, memberships, sessions, departments, sheet_responses, sheet_answers');

  return {
    orgId,
    adminCookie: adminSession.cookie,
    templateId,
    version,
    items,
    previousRoundId: previous.id,
    currentRoundId: current.id,
    bureauIds: tree.bureauIds,
    submitters,
    facts: {
      departments: tree.rows.length,
      members: members.length,
      positions: Object.fromEntries(positionShares.map(([p]) => [p, members.filter((m) => m.position === p).length])),
      items: items.length,
      currentResponses: settings.responses,
      previousResponses: settings.previousResponses,
      answerRows,
    },
  };
}
