import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { multipartBody } from '../../../../test/cases.js';
import { createDepartment, createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { CaseImport, ImportMapping, RowError } from '../../../shared/case-import/import-schema.js';
import { caseImports } from '../../db/schema/case-imports.js';
import { caseEffects, kaizenCases } from '../../db/schema/cases.js';
import { purgeExpiredRows } from '../../lib/housekeeping.js';

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgWithAdmin>>;

const header = [
  'No.',
  '件名',
  '現状',
  '改善内容',
  '効果',
  '所属',
  '実施日',
  '分野',
  '手法',
  '削減時間',
  '削減金額',
  'タグ',
];

async function xlsxOf(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const data = rows.map((row) =>
    row.map((value) =>
      value === null
        ? null
        : value instanceof Date
          ? { value, type: Date, format: 'yyyy/mm/dd' }
          : typeof value === 'number'
            ? { value, type: Number }
            : { value },
    ),
  );
  return writeXlsxFile(data as never).toBuffer();
}

async function upload(orgId: string, cookie: string, content: Buffer, fileName = 'cases.xlsx') {
  const body = multipartBody([{ name: 'file', fileName, type: 'application/octet-stream', content }]);
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/case-imports`,
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Checks every row in batches as the page does; returns all problems. */
async function validateAll(orgId: string, cookie: string, id: string, mapping: ImportMapping, limit = 2) {
  const errors: RowError[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const response: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/case-imports/${id}/validate`,
      headers: { cookie },
      payload: { mapping, offset, limit },
    });
    expect(response.statusCode, response.body).toBe(200);
    errors.push(...response.json().errors);
    offset = response.json().nextOffset;
  }
  return errors;
}

async function commit(orgId: string, cookie: string, id: string, status: 'published' | 'draft' = 'published') {
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/case-imports/${id}/commit`,
    headers: { cookie },
    payload: { status },
  });
}

async function importFile(content: Buffer, fileName: string) {
  const started = await upload(org.org.id, org.cookie, content, fileName);
  expect(started.statusCode, started.body).toBe(201);
  const list = started.json() as CaseImport;
  const errors = await validateAll(org.org.id, org.cookie, list.id, list.mapping as ImportMapping);
  return { list, errors, committed: await commit(org.org.id, org.cookie, list.id) };
}

const casesOf = (orgId: string) =>
  t.database.db.select().from(kaizenCases).where(eq(kaizenCases.orgId, orgId)).orderBy(kaizenCases.happenedOn);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgWithAdmin(t, { name: '取込市' });
  await createDepartment(t, org.org.id, { name: '市民課' });
});
afterAll(() => t.close());

describe('importing a case list', () => {
  it('reads an xlsx, suggests the mapping, previews, checks and publishes every row', async () => {
    const file = await xlsxOf([
      header,
      [
        1,
        '窓口の番号札を電子化',
        '待ち時間が長い',
        '番号札を電子化',
        '待ち時間が半分',
        '市民課',
        new Date(Date.UTC(2024, 3, 1)),
        '窓口',
        'ICT',
        120,
        '1,200円',
        'Smart、Speedy',
      ],
      [
        2,
        '<script>alert(1)</script>会議の短縮',
        '会議が長い',
        '議題を事前共有',
        '時間短縮',
        '旧企画課',
        '令和6年5月1日',
        '内部事務',
        'へらす',
        null,
        null,
        '',
      ],
    ]);
    const { list, errors, committed } = await importFile(file, '事例一覧.xlsx');
    expect(list.format).toBe('xlsx');
    expect(list.headers).toEqual(header);
    expect(list.mapping).toEqual({
      sourceId: 0,
      title: 1,
      problem: 2,
      action: 3,
      result: 4,
      department: 5,
      happenedOn: 6,
      policyField: 7,
      method: 8,
      hoursPerYear: 9,
      yenPerYear: 10,
      tags: 11,
    });
    expect(list.preview[0]).toEqual({ row: 2, cells: expect.arrayContaining(['窓口の番号札を電子化', '2024-04-01']) });
    expect(errors).toEqual([]);
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toEqual({ imported: 2, skipped: 0 });

    const stored = await casesOf(org.org.id);
    expect(stored.map((c) => c.title)).toEqual(['窓口の番号札を電子化', '<script>alert(1)</script>会議の短縮']);
    expect(stored[0]).toMatchObject({
      status: 'published',
      sourceKey: 'id:1',
      fiscalYear: 2024,
      policyField: 'counter',
    });
    expect(stored[0]?.departmentId).not.toBeNull();
    expect(stored[1]).toMatchObject({ departmentId: null, departmentName: '旧企画課', method: 'reduce' });
    const effects = await t.database.db
      .select()
      .from(caseEffects)
      .where(eq(caseEffects.caseId, stored[0]?.id ?? ''));
    expect(effects.map((e) => [e.kind, Number(e.actual)]).sort()).toEqual([
      ['hours_per_year', 120],
      ['yen_per_year', 1200],
    ]);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.org.id}/cases/${stored[0]?.id}`,
      headers: { cookie: org.cookie },
    });
    expect(detail.json()).toMatchObject({ tags: ['Smart', 'Speedy'], departmentName: '市民課' });
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.org.id}/cases?q=${encodeURIComponent('番号札')}`,
      headers: { cookie: org.cookie },
    });
    expect(search.json().hits.map((h: { title: string }) => h.title)).toEqual(['窓口の番号札を電子化']);
    // The staging rows are gone with the commit.
    expect(await t.database.db.select().from(caseImports)).toEqual([]);
  });

  it('imports the same file twice without duplicates, and says how many it skipped', async () => {
    const file = await xlsxOf([
      ['件名', '実施日', '効果'],
      ['二度目の取り込み', '2025/1/15', '変わらない'],
      ['二度目の取り込み（別）', '2025/1/16', ''],
    ]);
    const first = await importFile(file, 'twice.xlsx');
    expect(first.committed.json()).toEqual({ imported: 2, skipped: 0 });
    const second = await importFile(file, 'twice.xlsx');
    expect(second.committed.json()).toEqual({ imported: 0, skipped: 2 });
    const titles = (await casesOf(org.org.id)).map((c) => c.title);
    expect(titles.filter((x) => x.startsWith('二度目'))).toHaveLength(2);
  });

  it('reads a CSV in UTF-8 with BOM', async () => {
    const text = '件名,実施日,所属\r\nBOM付きの事例,2024-06-01,市民課\r\n';
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const { list, errors, committed } = await importFile(file, 'bom.csv');
    expect(list.format).toBe('utf-8-bom');
    expect(list.headers).toEqual(['件名', '実施日', '所属']);
    expect(errors).toEqual([]);
    expect(committed.json()).toEqual({ imported: 1, skipped: 0 });
  });

  it('reads a CSV in Shift_JIS', async () => {
    const file = readFileSync(new URL('../../../../test/fixtures/case-list-sjis.csv', import.meta.url));
    const { list, errors, committed } = await importFile(file, 'sjis.csv');
    expect(list.format).toBe('shift_jis');
    expect(list.headers.slice(0, 3)).toEqual(['件名', '現状', '改善内容']);
    expect(list.preview[1]?.cells).toContain('会議資料のペーパーレス化');
    expect(errors).toEqual([]);
    expect(committed.json()).toEqual({ imported: 2, skipped: 0 });
    const stored = await casesOf(org.org.id);
    const paperless = stored.find((c) => c.title === '会議資料のペーパーレス化');
    expect(paperless).toMatchObject({ happenedOn: '2024-05-10', method: 'reduce', policyField: 'internal_affairs' });
  });

  it('refuses a file with broken encoding and stores nothing', async () => {
    const utf8 = Buffer.from('件名,実施日\r\n壊れた文字の事例,2024-06-01\r\n', 'utf8');
    // A UTF-8 file cut in the middle of characters, as a bad copy leaves it.
    const broken = Buffer.concat([utf8.subarray(0, 10), utf8.subarray(11, 30), Buffer.from([0xff]), utf8.subarray(30)]);
    const before = (await casesOf(org.org.id)).length;
    const response = await upload(org.org.id, org.cookie, broken, 'broken.csv');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'file', code: 'caseImport.encoding' });
    expect(response.json().errors[0].messages.ja).toContain('文字コード');
    expect(await t.database.db.select().from(caseImports).where(eq(caseImports.fileName, 'broken.csv'))).toEqual([]);
    expect((await casesOf(org.org.id)).length).toBe(before);
  });

  it('refuses a file name with U+0000 and keeps whole characters of a long one', async () => {
    const csv = Buffer.from('件名,実施日\r\n名前の事例,2024-06-01\r\n', 'utf8');
    const boundary = 'kaizen-nul';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''a%00b.csv\r\n\r\n`),
      csv,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.org.id}/case-imports`,
      headers: { cookie: org.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'file', code: 'text.control_characters' });

    const long = `a${'𠮷'.repeat(250)}.csv`;
    const started = await upload(org.org.id, org.cookie, csv, long);
    expect(started.statusCode).toBe(201);
    expect(started.json().fileName).toBe(`a${'𠮷'.repeat(199)}`);
  });

  it('names the row and column of each problem, and a bad row stops the whole commit', async () => {
    const text = [
      '件名,実施日,分野,削減時間',
      '正しい事例,2024-07-01,窓口,10',
      ',2024-07-02,窓口,',
      '日付の誤り,2024-13-45,宇宙,十時間',
    ].join('\n');
    const started = await upload(org.org.id, org.cookie, Buffer.from(text, 'utf8'), 'bad.csv');
    const list = started.json() as CaseImport;
    const errors = await validateAll(org.org.id, org.cookie, list.id, list.mapping as ImportMapping);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '件名'],
      [4, '実施日'],
      [4, '分野'],
      [4, '削減時間'],
    ]);
    expect(errors[0]?.messages).toEqual({ ja: '入力してください。', en: 'This is required.' });
    expect(errors[1]?.messages.ja).toContain('日付');
    const before = (await casesOf(org.org.id)).length;
    const committed = await commit(org.org.id, org.cookie, list.id);
    expect(committed.statusCode).toBe(400);
    expect(committed.json().errors[0]).toMatchObject({ path: 'rows.3.件名' });
    expect((await casesOf(org.org.id)).length).toBe(before);
  });

  it("places cases on the scene grid from a scene column, in the organisation's own labels too, and names a scene it cannot read", async () => {
    const own = await createOrgWithAdmin(t, { name: '場面町' });
    const renamed = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${own.org.id}/scene-grid`,
      headers: { cookie: own.cookie },
      payload: { stages: { region: { ja: 'まち', en: 'Town' } } },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const rows = [
      ['件名', '実施日', '場面'],
      ['窓口の改善', '2024/4/1', '職場・改善'],
      ['全庁の文書管理', '2024/4/2', '革新（役所全体）'],
      ['地域の見守り', '2024/4/3', 'まち×不具合解消'],
      ['個人の工夫', '2024/4/4', 'Individual / Improvement'],
      ['場面なし', '2024/4/5', ''],
    ];
    const started = await upload(own.org.id, own.cookie, await xlsxOf(rows), 'scenes.xlsx');
    const list = started.json() as CaseImport;
    expect(list.mapping).toMatchObject({ title: 0, happenedOn: 1, scene: 2 });
    expect(await validateAll(own.org.id, own.cookie, list.id, list.mapping as ImportMapping)).toEqual([]);
    expect((await commit(own.org.id, own.cookie, list.id)).statusCode).toBe(200);
    expect((await casesOf(own.org.id)).map((c) => c.sceneId)).toEqual([
      'workplace-improvement',
      'government-innovation',
      'region-fix',
      'individual-improvement',
      null,
    ]);

    const bad = await upload(
      own.org.id,
      own.cookie,
      await xlsxOf([rows[0] as string[], ['段階だけ', '2024/4/6', '職場'], ['不明', '2024/4/7', '宇宙・改善']]),
      'bad-scenes.xlsx',
    );
    const badList = bad.json() as CaseImport;
    const errors = await validateAll(own.org.id, own.cookie, badList.id, badList.mapping as ImportMapping);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '場面', 'caseImport.scene'],
      [3, '場面', 'caseImport.scene'],
    ]);
    expect(errors[0]?.messages.ja).toContain('職場・改善');
  });

  it('refuses to commit rows that were not checked', async () => {
    const started = await upload(org.org.id, org.cookie, Buffer.from('件名,実施日\n未確認,2024-01-01\n'), 'a.csv');
    const committed = await commit(org.org.id, org.cookie, started.json().id);
    expect(committed.statusCode).toBe(400);
    expect(committed.json().errors[0].code).toBe('caseImport.unchecked');
  });

  it('keeps imports as drafts when asked', async () => {
    const started = await upload(
      org.org.id,
      org.cookie,
      Buffer.from('件名,実施日\n下書きで取込,2023-03-31\n'),
      'd.csv',
    );
    const list = started.json() as CaseImport;
    await validateAll(org.org.id, org.cookie, list.id, list.mapping as ImportMapping);
    expect((await commit(org.org.id, org.cookie, list.id, 'draft')).statusCode).toBe(200);
    const [draft] = await t.database.db
      .select()
      .from(kaizenCases)
      .where(and(eq(kaizenCases.orgId, org.org.id), eq(kaizenCases.title, '下書きで取込')));
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null, fiscalYear: 2022 });
  });

  it('keeps an unfinished import to continue from its checked mapping, or to discard, for its organisation only', async () => {
    const own = await createOrgWithAdmin(t, { name: '再開市' });
    const rows = ['件名,備考,実施日', ...[1, 2, 3, 4, 5].map((n) => `続きの事例${n},メモ${n},2024-05-0${n}`)];
    const started = await upload(own.org.id, own.cookie, Buffer.from(rows.join('\n')), '途中.csv');
    const list = started.json() as CaseImport;
    const mapping = { title: 0, happenedOn: 2, remaining: 1 } as ImportMapping;
    // One batch of two rows, then the page is closed.
    const batch = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${own.org.id}/case-imports/${list.id}/validate`,
      headers: { cookie: own.cookie },
      payload: { mapping, offset: 0, limit: 2 },
    });
    expect(batch.json().nextOffset).toBe(2);

    const get = (url: string, cookie = own.cookie) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const unfinished = await get(`/api/orgs/${own.org.id}/case-imports`);
    expect(unfinished.statusCode, unfinished.body).toBe(200);
    expect(unfinished.json().imports).toEqual([
      expect.objectContaining({
        id: list.id,
        fileName: '途中.csv',
        rowCount: 5,
        checked: 2,
        startedBy: expect.any(String),
      }),
    ]);
    const resumed = await get(`/api/orgs/${own.org.id}/case-imports/${list.id}`);
    expect(resumed.json()).toEqual({ ...list, mapping });

    // Continued from the start with the same mapping, it commits every row.
    expect(await validateAll(own.org.id, own.cookie, list.id, mapping)).toEqual([]);
    expect((await commit(own.org.id, own.cookie, list.id)).json()).toEqual({ imported: 5, skipped: 0 });
    expect((await get(`/api/orgs/${own.org.id}/case-imports`)).json().imports).toEqual([]);

    const again = (await upload(own.org.id, own.cookie, Buffer.from(rows.join('\n')), '破棄.csv')).json() as CaseImport;
    const other = await createOrgWithAdmin(t, { name: '他人町' });
    expect((await get(`/api/orgs/${other.org.id}/case-imports/${again.id}`, other.cookie)).statusCode).toBe(404);
    expect((await get(`/api/orgs/${other.org.id}/case-imports`, other.cookie)).json().imports).toEqual([]);
    const remove = (orgId: string, cookie: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/orgs/${orgId}/case-imports/${again.id}`, headers: { cookie } });
    expect((await remove(other.org.id, other.cookie)).statusCode).toBe(404);
    expect((await remove(own.org.id, own.cookie)).statusCode).toBe(204);
    expect((await get(`/api/orgs/${own.org.id}/case-imports/${again.id}`)).statusCode).toBe(404);
    expect(await casesOf(own.org.id)).toHaveLength(5);
  });

  it('lets only administrators import, and gives another organisation 404', async () => {
    const file = Buffer.from('件名,実施日\n他組織からの操作,2024-01-01\n');
    const staff = await createMember(t, { orgId: org.org.id, role: 'staff' });
    const staffCookie = await logIn(t, staff.user.email);
    expect((await upload(org.org.id, staffCookie, file, 's.csv')).statusCode).toBe(403);

    const started = await upload(org.org.id, org.cookie, file, 'mine.csv');
    const list = started.json() as CaseImport;
    const other = await createOrgWithAdmin(t, { name: '別の市' });
    expect((await upload(org.org.id, other.cookie, file, 'x.csv')).statusCode).toBe(404);
    for (const url of [
      `/api/orgs/${org.org.id}/case-imports/${list.id}/validate`,
      `/api/orgs/${other.org.id}/case-imports/${list.id}/validate`,
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: other.cookie },
        payload: { mapping: list.mapping, offset: 0 },
      });
      expect(response.statusCode).toBe(404);
    }
    expect((await commit(other.org.id, other.cookie, list.id)).statusCode).toBe(404);
    // What was left unfinished goes a day later.
    t.clock.advance(25 * 3600_000);
    const purged = await purgeExpiredRows(t.database.db, t.clock.now());
    expect(purged.caseImports).toBeGreaterThanOrEqual(1);
  });
});
