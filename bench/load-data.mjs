// Data for the API-mix load bench: the national network of published cases (bench/cases-data.mjs),
// a few member cities with department trees and a city hall's spread of people, a session for each
// person, and in each city an open round of the 職場編（簡易版） that some have already answered.
// Bulk rows go in through unnest() arrays; the template and the rounds are made through the API.
import { randomUUID } from 'node:crypto';
import { insertColumns, membershipColumns, userColumns } from './bulk.mjs';
import { seedCases } from './cases-data.mjs';
import { createRandom } from './random.mjs';
import { apiClient, newSession } from './rounds-data.mjs';

const SAMPLE_KEY = 'workplace-quick';
const positionShares = [
  ['director', 0.01],
  ['section_chief', 0.04],
  ['subsection_chief', 0.14],
  ['staff', 0.78],
  ['other', 0.03],
];
const bureaus = ['総務部', '市民部', '福祉部', '都市整備部', '教育部'];
const divisions = ['第一課', '第二課', '第三課'];
const units = ['管理係', '業務係'];

const isoDay = (date) => date.toISOString().slice(0, 10);
const japanDay = (date) => isoDay(new Date(date.getTime() + 9 * 3600_000));

function buildTree(orgId, now) {
  const rows = [];
  const byLevel = { bureau: [], division: [], unit: [] };
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
    byLevel[level].push(id);
    return id;
  };
  for (const bureau of bureaus) {
    const bureauId = add(bureau, 'bureau', null);
    for (const division of divisions) {
      const divisionId = add(`${bureau.slice(0, -1)}${division}`, 'division', bureauId);
      for (const unit of units) add(unit, 'unit', divisionId);
    }
  }
  return { rows, byLevel };
}

/**
 * Fills the bench database (already migrated by the server) and returns the people (each with a
 * session cookie, their city and whether they have a response), the cities' rounds and items, and
 * the cases each city may open.
 */
export async function seedLoadData(db, baseUrl, settings, onProgress = () => {}) {
  const random = createRandom(20261204);
  const now = new Date();
  const seeded = await seedCases(db, { caseCount: settings.cases });
  onProgress(`${settings.cases} cases`);
  const cities = seeded.orgs
    .filter((o) => o.municipality_type === 'city' && o.population > 80_000 && o.population < 500_000)
    .slice(0, settings.cities);

  const people = [];
  const departments = [];
  const memberships = [];
  const trees = new Map();
  for (const city of cities) {
    const tree = buildTree(city.id, now);
    trees.set(city.id, tree);
    departments.push(...tree.rows);
    for (let i = 0; i < settings.membersPerCity; i++) {
      const position = i === 0 ? 'subsection_chief' : random.weighted(positionShares);
      const departmentId =
        position === 'director'
          ? random.pick(tree.byLevel.bureau)
          : position === 'section_chief'
            ? random.pick(tree.byLevel.division)
            : random.pick(tree.byLevel.unit);
      const role = i === 0 ? 'org_admin' : ['director', 'section_chief'].includes(position) ? 'manager' : 'staff';
      const userId = randomUUID();
      const person = { userId, orgId: city.id, position, departmentId, role, session: newSession(userId, now) };
      people.push(person);
      memberships.push({
        id: randomUUID(),
        org_id: city.id,
        user_id: person.userId,
        role,
        position,
        department_id: departmentId,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await insertColumns(
    db,
    'departments',
    {
      id: 'uuid',
      org_id: 'uuid',
      parent_id: 'uuid',
      name: 'text',
      level: 'text',
      sort_order: 'int',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    departments,
  );
  await insertColumns(
    db,
    'users',
    userColumns,
    people.map((p, i) => ({
      id: p.userId,
      email: `person-${String(i).padStart(5, '0')}@load.kaizen-navi.jp`,
      display_name: `職員 ${i}`,
      created_at: now,
      updated_at: now,
    })),
  );
  await insertColumns(db, 'memberships', membershipColumns, memberships);
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
    people.map((p) => p.session.row),
  );
  onProgress(`${cities.length} cities, ${people.length} people with sessions`);

  // Each city's admin copies the sample and opens a three-week round for the whole organisation.
  const rounds = new Map();
  const today = japanDay(now);
  const closes = japanDay(new Date(now.getTime() + 21 * 86_400_000));
  for (const city of cities) {
    const admin = people.find((p) => p.orgId === city.id && p.role === 'org_admin');
    const api = apiClient(baseUrl, admin.session.cookie);
    const { templateId, version } = await api(
      'POST',
      `/api/orgs/${city.id}/sheet-templates/from-sample`,
      { sampleKey: SAMPLE_KEY },
      201,
    );
    const { id } = await api(
      'POST',
      `/api/orgs/${city.id}/rounds`,
      { title: '職場のふりかえり', templateId, version, scopeKind: 'org', opensOn: today, closesOn: closes },
      201,
    );
    const detail = await api('GET', `/api/orgs/${city.id}/rounds/${id}`);
    const items = detail.content.sections.flatMap((s) => s.items.map((i) => ({ key: i.key, levels: i.levels.length })));
    rounds.set(city.id, { id, items });
  }

  // Some have answered already (submitted); the rest start their response during the load.
  const responses = [];
  const answers = [];
  for (const person of people) {
    if (!random.chance(settings.answeredShare)) continue;
    const round = rounds.get(person.orgId);
    const id = randomUUID();
    person.hasResponse = true;
    responses.push({
      id,
      round_id: round.id,
      org_id: person.orgId,
      user_id: person.userId,
      status: 'submitted',
      position: person.position,
      department_id: person.departmentId,
      most_important_item_key: random.pick(round.items).key,
      submitted_at: now,
      created_at: now,
      updated_at: now,
    });
    for (const item of round.items)
      answers.push({
        response_id: id,
        round_id: round.id,
        item_key: item.key,
        level: random.int(1, item.levels),
        comment: null,
      });
  }
  await insertColumns(
    db,
    'sheet_responses',
    {
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
    },
    responses,
  );
  await insertColumns(
    db,
    'sheet_answers',
    { response_id: 'uuid', round_id: 'uuid', item_key: 'text', level: 'smallint', comment: 'text' },
    answers,
  );

  // The cases a member of each city may open: its own and a sample of the shared ones.
  const { rows: visible } = await db.query(
    `select id, org_id, sharing from kaizen_cases
      where status = 'published' and (sharing <> 'org' or org_id = any($1::uuid[]))
      order by md5(id::text) limit 20000`,
    [cities.map((c) => c.id)],
  );
  const casesFor = new Map(
    cities.map((c) => [c.id, visible.filter((r) => r.sharing !== 'org' || r.org_id === c.id).map((r) => r.id)]),
  );
  await db.query(
    'vacuum analyze kaizen_cases, case_effects, organizations, users, memberships, sessions, departments, sheet_responses, sheet_answers',
  );
  return {
    people,
    rounds,
    casesFor,
    // What people type: words found in 0.1–10 % of the cases (窓口, 申請 …), not the rarest ones.
    terms: [...seeded.termCases.entries()]
      .filter(([, n]) => n > settings.cases * 0.001 && n < settings.cases * 0.1)
      .map(([term]) => term),
    facts: {
      cases: settings.cases,
      organisations: seeded.orgs.length,
      cities: cities.length,
      people: people.length,
      departmentsPerCity: departments.length / cities.length,
      answeredAlready: responses.length,
      items: rounds.values().next().value.items.length,
    },
  };
}
