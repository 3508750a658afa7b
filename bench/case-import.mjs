// npm run bench:case-import -- [--rows N] [--batch N] [--quick]
// Bulk import of a 10,000-row xlsx case list on PostgreSQL, as the import page does it: upload
// (parse and stage the rows), check the rows in batches with the column mapping the server
// suggested, and commit them as published cases in one transaction. Then the same file again,
// which must add nothing. Writes bench/results/case-import-YYYYMMDD-HHmmss.json (and
// latest-case-import.json) and prints a table. Target: the whole import under 15 s.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import writeXlsxFile from 'write-excel-file/node';
import { createBenchDatabase, dropBenchDatabase, planBenchDatabase } from './postgres.mjs';
import { createRandom } from './random.mjs';
import {
  describeCommand,
  describeMachine,
  describeRevision,
  firstLine,
  guardBench,
  measure,
  printSummary,
  verdict,
  writeResult,
} from './report.mjs';
import { apiClient, newSession } from './rounds-data.mjs';
import { cleanUpAfterInterrupt, onInterrupt, startServer } from './server.mjs';
import { round } from './stats.mjs';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '500' },
    quick: { type: 'boolean', default: false },
  },
});
const settings = { rows: args.quick ? 1000 : Number(args.rows), batch: Number(args.batch) };
if (!Number.isInteger(settings.rows) || settings.rows < 1 || !Number.isInteger(settings.batch) || settings.batch < 1) {
  console.error('bench: --rows and --batch take whole numbers of at least 1');
  process.exit(2);
}
guardBench(300_000, cleanUpAfterInterrupt);

const TARGET_MS = 15_000;

const departments = ['総務課', '市民課', '税務課', '福祉政策課', '子育て支援課', '道路課', '環境課', '学校教育課'];
const subjects = [
  '窓口',
  '申請書',
  '押印',
  '会議',
  '決裁',
  '電話対応',
  '公用車',
  '文書管理',
  '庁内照会',
  '住民票',
  '補助金',
  'アンケート',
];
const actions = [
  '電子化した',
  '様式を1枚に統合した',
  'RPAで自動化した',
  '共有フォルダを整理した',
  'チェックリストを作った',
  'オンライン申請にした',
];
const fields = ['窓口', 'ICT', '内部事務', '福祉', '環境', '公共施設'];
const methods = ['やめる', 'へらす', 'かえる', 'ICT'];
const tags = ['Smile', 'Smart', 'Speedy'];

/** A case list as a city keeps it: a header row and one case per row, with Japanese text of varied length. */
async function buildList(rows) {
  const random = createRandom(20260401);
  const header = [
    'No.',
    '件名',
    '現状・課題',
    '改善内容',
    '効果',
    '所属',
    '実施日',
    '分野',
    '手法',
    '削減時間',
    '削減金額',
    'タグ',
    '備考',
  ];
  const data = [header.map((value) => ({ value }))];
  for (let i = 1; i <= rows; i++) {
    const subject = random.pick(subjects);
    const action = random.pick(actions);
    const sentence = (n) =>
      Array.from({ length: n }, () => `${random.pick(subjects)}の事務で手間がかかっていた。`).join('');
    data.push([
      { value: i, type: Number },
      { value: `${subject}の事務を見直し、${action}（${i}）` },
      { value: sentence(random.int(1, 5)) },
      { value: `${subject}について${action}。${sentence(random.int(0, 2))}` },
      { value: `処理時間が${random.int(5, 59)}%短くなった。` },
      { value: random.pick(departments) },
      {
        value: new Date(Date.UTC(random.int(2016, 2025), random.int(0, 11), random.int(1, 28))),
        type: Date,
        format: 'yyyy/mm/dd',
      },
      { value: random.pick(fields) },
      { value: random.pick(methods) },
      { value: random.int(0, 499), type: Number },
      { value: random.int(0, 1_999_999), type: Number },
      { value: random.pick(tags) },
      { value: random.next() < 0.3 ? '他課への横展開を検討中' : '' },
    ]);
  }
  return writeXlsxFile(data).toBuffer();
}

async function seedOrg(db) {
  const now = new Date();
  const orgId = randomUUID();
  const userId = randomUUID();
  await db.query(
    `insert into organizations (id, kind, name, name_kana, municipality_type, population)
     values ($1, 'municipality', 'ベンチ市', 'べんちし', 'city', 350000)`,
    [orgId],
  );
  for (const [i, name] of departments.entries()) {
    await db.query(
      `insert into departments (id, org_id, name, level, sort_order, created_at, updated_at)
       values ($1, $2, $3, 'division', $4, $5, $5)`,
      [randomUUID(), orgId, name, i, now],
    );
  }
  await db.query(
    `insert into users (id, email, display_name, created_at, updated_at) values ($1, 'import@bench.kaizen-navi.jp', '取込 担当', $2, $2)`,
    [userId, now],
  );
  await db.query(
    `insert into memberships (id, org_id, user_id, role, position, created_at, updated_at)
     values ($1, $2, $3, 'org_admin', 'subsection_chief', $4, $4)`,
    [randomUUID(), orgId, userId, now],
  );
  const session = newSession(userId, now);
  const s = session.row;
  await db.query(
    'insert into sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent) values ($1, $2, $3, $4, $5, $6)',
    [s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.user_agent],
  );
  return { orgId, cookie: session.cookie };
}

/** One import as the page runs it; milliseconds of each step. */
async function runImport(baseUrl, seed, file) {
  const api = apiClient(baseUrl, seed.cookie);
  const started = performance.now();
  const body = new FormData();
  body.append('file', new Blob([file]), 'cases.xlsx');
  const response = await fetch(`${baseUrl}/api/orgs/${seed.orgId}/case-imports`, {
    method: 'POST',
    headers: { cookie: seed.cookie },
    body,
  });
  const list = await response.json();
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${JSON.stringify(list)}`);
  const uploaded = performance.now();
  let offset = 0;
  let batches = 0;
  let errors = 0;
  while (offset !== null) {
    const batch = await api('POST', `/api/orgs/${seed.orgId}/case-imports/${list.id}/validate`, {
      mapping: list.mapping,
      offset,
      limit: settings.batch,
    });
    errors += batch.errors.length;
    batches += 1;
    offset = batch.nextOffset;
  }
  if (errors > 0) throw new Error(`${errors} row errors`);
  const checked = performance.now();
  const result = await api('POST', `/api/orgs/${seed.orgId}/case-imports/${list.id}/commit`, { status: 'published' });
  const committed = performance.now();
  return {
    rowCount: list.rowCount,
    mappedFields: Object.keys(list.mapping).length,
    batches,
    result,
    ms: {
      upload: round(uploaded - started, 0),
      check: round(checked - uploaded, 0),
      commit: round(committed - checked, 0),
      total: round(committed - started, 0),
    },
  };
}

async function measureImport(context) {
  let plan;
  try {
    plan = planBenchDatabase();
    context.postgres = await createBenchDatabase(plan);
  } catch (error) {
    return { skipped: true, reason: `PostgreSQL unavailable: ${error.message || error.code || String(error)}` };
  }
  const forget = onInterrupt(() => dropBenchDatabase(plan));
  const db = new pg.Pool({ connectionString: plan.targetUrl, max: 2 });
  db.on('error', () => {});
  let server;
  try {
    server = await startServer({ env: { DATABASE_URL: plan.targetUrl, SEED_DEMO: 'false' } });
    const seed = await seedOrg(db);
    const file = await buildList(settings.rows);
    process.stdout.write(`\n  xlsx of ${settings.rows} rows, ${file.length} bytes; importing … `);
    const first = await runImport(server.baseUrl, seed, file);
    process.stdout.write('again … ');
    const second = await runImport(server.baseUrl, seed, file);
    const { rows } = await db.query('select count(*)::int as n from kaizen_cases where org_id = $1', [seed.orgId]);
    const stored = rows[0].n;
    const verified =
      first.result.imported === settings.rows && second.result.imported === 0 && stored === settings.rows;
    return {
      skipped: false,
      database: `PostgreSQL ${context.postgres} (${plan.shownUrl}, dropped afterwards)`,
      fileBytes: file.length,
      first,
      second,
      stored,
      verified,
      targetMs: TARGET_MS,
    };
  } finally {
    await server?.stop();
    await db.end().catch(() => {});
    forget();
    await dropBenchDatabase(plan).catch(() => {});
  }
}

function summaryRows(result) {
  if (result.error) return [['case import', 'error', '', firstLine(result.error), '']];
  if (result.skipped) return [['case import', 'skipped', '', firstLine(result.reason), '']];
  const row = (label, run, target) => [
    label,
    `${run.ms.total} ms`,
    target ? `< ${target} ms` : '—',
    `upload ${run.ms.upload} ms, check ${run.ms.check} ms (${run.batches} batches), commit ${run.ms.commit} ms; ` +
      `imported ${run.result.imported}, skipped ${run.result.skipped}`,
    target ? verdict(run.ms.total, target) : '',
  ];
  return [
    row(
      `import ${result.first.rowCount} rows (xlsx ${Math.round(result.fileBytes / 1024)} KB)`,
      result.first,
      TARGET_MS,
    ),
    row('the same file again', result.second),
    [
      'stored cases',
      String(result.stored),
      '',
      result.verified ? 'no duplicates' : 'UNEXPECTED COUNT',
      result.verified ? 'ok' : 'ERRORS',
    ],
  ];
}

const startedAt = new Date();
const started = performance.now();
const context = {};
const machine = describeMachine();
const caseImport = await measure(`case import on PostgreSQL: ${settings.rows} rows`, () => measureImport(context));
const report = {
  name: 'case-import',
  command: describeCommand('bench:case-import', 'case-import.mjs'),
  date: startedAt.toISOString(),
  revision: describeRevision(),
  machine: { ...machine, postgres: context.postgres ?? null },
  settings,
  figures: { caseImport },
  benchSeconds: round((performance.now() - started) / 1000, 1),
};
const files = writeResult(report, startedAt);
printSummary(report, ['figure', 'time', 'target', 'detail', ''], summaryRows(caseImport), files);
process.exit(caseImport.error || (!caseImport.skipped && !caseImport.verified) ? 1 : 0);
