import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('step-up sheet templates', () => {
  it('copies a sample, exports it, and re-imports the edited file as the next version', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const samples = await t.app.inject({ method: 'GET', url: '/api/sheet-samples', headers: { cookie } });
    expect(
      samples
        .json()
        .map((s: { key: string }) => s.key)
        .sort(),
    ).toEqual(['executive-quick', 'unit-head-quick', 'workplace-detailed', 'workplace-quick']);

    const base = `/api/orgs/${org.id}/sheet-templates`;
    const copy = await t.app.inject({
      method: 'POST',
      url: `${base}/from-sample`,
      headers: { cookie },
      payload: { sampleKey: 'workplace-quick' },
    });
    expect(copy.statusCode).toBe(201);
    const { templateId } = copy.json();
    const again = await t.app.inject({
      method: 'POST',
      url: `${base}/from-sample`,
      headers: { cookie },
      payload: { sampleKey: 'workplace-quick' },
    });
    expect(again.statusCode).toBe(409);

    const list = await t.app.inject({ method: 'GET', url: base, headers: { cookie } });
    expect(list.json()).toEqual([
      expect.objectContaining({
        key: 'workplace-quick',
        edition: 'workplace',
        variant: 'quick',
        itemCount: 10,
        latestVersion: 1,
        sourceSampleKey: 'workplace-quick',
      }),
    ]);

    const exported = await t.app.inject({
      method: 'GET',
      url: `${base}/${templateId}/versions/1/export?format=yaml`,
      headers: { cookie },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('workplace-quick-v1.yaml');
    expect(exported.body).toContain('sample: false');

    const edited = exported.body.replace('めざす姿と目標の共有', 'めざす姿と目標の共有（当課版）');
    const reimport = await t.app.inject({
      method: 'POST',
      url: `${base}/import`,
      headers: { cookie },
      payload: { format: 'yaml', text: edited },
    });
    expect(reimport.json()).toEqual({ templateId, version: 2 });

    const versions = await t.app.inject({ method: 'GET', url: `${base}/${templateId}/versions`, headers: { cookie } });
    expect(versions.json().map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.json()[0].content.sections[0].items[0].title).toBe('めざす姿と目標の共有（当課版）');
    expect(versions.json()[1].content.sections[0].items[0].title).toBe('めざす姿と目標の共有');

    const json = await t.app.inject({
      method: 'GET',
      url: `${base}/${templateId}/versions/2/export?format=json`,
      headers: { cookie },
    });
    expect(JSON.parse(json.body).key).toBe('workplace-quick');
  });

  it('names the line and the place of every problem in an imported file, in both languages, and stores nothing', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const base = `/api/orgs/${org.id}/sheet-templates`;
    const text = [
      'formatVersion: 1',
      'key: my-sheet',
      'title:',
      '  ja: 私たちのシート',
      'edition: custom',
      'variant: quick',
      'sections:',
      '  - key: one',
      '    title: 第1章',
      '    items:',
      '      - key: first',
      '        title: 最初の項目',
      '        levels:',
      '          - label: 低い',
      '            descriptor: まだ何もしていない。',
      '          - label: 高い',
      '            descriptor: 毎月続けている。',
    ].join('\n');
    const r = await t.app.inject({
      method: 'POST',
      url: `${base}/import`,
      headers: { cookie, 'accept-language': 'en' },
      payload: { format: 'yaml', text },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('template_invalid');
    const [problem] = r.json().errors;
    expect(problem.path).toMatch(/^line \d+/);
    expect(problem.messages.ja).toMatch(/行目/);
    expect(problem.message).toBe(problem.messages.en);

    const broken = await t.app.inject({
      method: 'POST',
      url: `${base}/import`,
      headers: { cookie },
      payload: { format: 'json', text: '{"key": ' },
    });
    expect(broken.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: base, headers: { cookie } })).json()).toEqual([]);
  });

  it('refuses a file nested too deeply before parsing it, and keeps answering', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const url = `/api/orgs/${org.id}/sheet-templates/import`;
    // Twice each: the parser's stack overflow on the first used to leave the next one to crash the process.
    for (const text of [
      '['.repeat(900) + ']'.repeat(900),
      '['.repeat(1000) + ']'.repeat(1000),
      `${'- '.repeat(2000)}x`,
      `${'- '.repeat(2000)}x`,
      Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
    ]) {
      const r = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { format: 'yaml', text } });
      expect(r.statusCode).toBe(422);
      expect(r.json().errors[0].code).toBe('yaml.TOO_DEEP');
      expect(r.json().errors[0].messages.ja).toMatch(/^1行目|^\d+行目/);
    }
    const alive = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/sheet-templates`,
      headers: { cookie },
    });
    expect(alive.json()).toEqual([]);
    // A real sheet is nowhere near the limits: the samples still parse.
    const copied = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/sheet-templates/from-sample`,
      headers: { cookie },
      payload: { sampleKey: 'workplace-quick' },
    });
    expect(copied.statusCode, copied.body).toBe(201);
  });

  it('lets staff read templates but not change them', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/sheet-templates/from-sample`,
      headers: { cookie },
      payload: { sampleKey: 'executive-quick' },
    });
    const staff = await createMember(t, { orgId: org.id, role: 'staff' });
    const staffCookie = await logIn(t, staff.user.email);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/sheet-templates`,
      headers: { cookie: staffCookie },
    });
    expect(list.json()).toHaveLength(1);
    const copy = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/sheet-templates/from-sample`,
      headers: { cookie: staffCookie },
      payload: { sampleKey: 'workplace-quick' },
    });
    expect(copy.statusCode).toBe(403);
  });

  describe('saving an edited version', () => {
    /** An organisation with the 経営編 sample copied in, and that copy's first version. */
    async function templateWithVersion() {
      const { org, cookie } = await createOrgWithAdmin(t);
      const base = `/api/orgs/${org.id}/sheet-templates`;
      const copy = await t.app.inject({
        method: 'POST',
        url: `${base}/from-sample`,
        headers: { cookie },
        payload: { sampleKey: 'executive-quick' },
      });
      const { templateId } = copy.json();
      const versions = await t.app.inject({
        method: 'GET',
        url: `${base}/${templateId}/versions`,
        headers: { cookie },
      });
      const content = versions.json()[0].content;
      return { org, cookie, base, templateId, content, url: `${base}/${templateId}/versions` };
    }

    it('stores the content as the next version and leaves the earlier one as it was', async () => {
      const { org, cookie, url, templateId, content } = await templateWithVersion();
      const edited = structuredClone(content);
      edited.sections[0].items[0].title = '方針の共有（改訂）';
      edited.sections[0].items[0].levels.push({ label: '住民と点検', descriptor: '将来像を住民と毎年点検している。' });
      const saved = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { content: edited } });
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toEqual({ templateId, version: 2 });

      const again = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { content: edited } });
      expect(again.json()).toEqual({ templateId, version: 3 });

      const versions = (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
      expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
      expect(versions[1].content.sections[0].items[0].title).toBe('方針の共有（改訂）');
      expect(versions[2].content).toEqual(content);

      const audit = await t.app.inject({
        method: 'GET',
        url: `/api/orgs/${org.id}/audit-events?action=sheet_template`,
        headers: { cookie },
      });
      const actions = audit.json().items.map((e: { action: string }) => e.action);
      expect(actions.filter((a: string) => a === 'sheet_template.new_version')).toHaveLength(2);
    });

    it('names the place of every problem and stores nothing', async () => {
      const { cookie, url, content } = await templateWithVersion();
      const edited = structuredClone(content);
      edited.sections[0].items[2].levels[1].label = '  ';
      edited.sections[0].items[1].levels = edited.sections[0].items[1].levels.slice(0, 2);
      const r = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'accept-language': 'en' },
        payload: { content: edited },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe('template_invalid');
      const errors = r.json().errors as { path: string; code: string; message: string; messages: { ja: string } }[];
      expect(errors.map((e) => [e.path, e.code])).toEqual(
        expect.arrayContaining([
          ['sections.0.items.2.levels.1.label', 'required'],
          ['sections.0.items.1.levels', 'sheetTemplate.levels_count'],
        ]),
      );
      const label = errors.find((e) => e.path === 'sections.0.items.2.levels.1.label');
      expect(label?.messages.ja).toContain('項目3 › 段階2');
      expect(label?.message).toContain('item 3 › level 2');
      const versions = (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
      expect(versions).toHaveLength(1);
    });

    it('refuses a changed key', async () => {
      const { cookie, url, content } = await templateWithVersion();
      const r = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie },
        payload: { content: { ...content, key: 'another-sheet' } },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors).toEqual([expect.objectContaining({ path: 'key', code: 'sheetTemplate.key_changed' })]);
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).json()).toHaveLength(1);
    });

    it('lets staff read but not save, and answers another organisation with 404', async () => {
      const { org, cookie, url, content } = await templateWithVersion();
      const staff = await createMember(t, { orgId: org.id, role: 'staff' });
      const staffCookie = await logIn(t, staff.user.email);
      const byStaff = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: staffCookie },
        payload: { content },
      });
      expect(byStaff.statusCode).toBe(403);
      const read = await t.app.inject({ method: 'GET', url, headers: { cookie: staffCookie } });
      expect(read.statusCode).toBe(200);

      const other = await createOrgWithAdmin(t);
      const elsewhere = url.replace(org.id, other.org.id);
      const fromOther = await t.app.inject({
        method: 'POST',
        url: elsewhere,
        headers: { cookie: other.cookie },
        payload: { content },
      });
      expect(fromOther.statusCode).toBe(404);
      const unknown = await t.app.inject({
        method: 'POST',
        url: url.replace(/sheet-templates\/[^/]+/, `sheet-templates/${crypto.randomUUID()}`),
        headers: { cookie },
        payload: { content },
      });
      expect(unknown.statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).json()).toHaveLength(1);
    });
  });

  it('publishes the file format as JSON Schema', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/sheet-template-schema.json' });
    expect(r.statusCode).toBe(200);
    expect(r.json().properties.sections).toBeDefined();
  });
});
