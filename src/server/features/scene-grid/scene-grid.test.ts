import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { buildSceneGrid, findDuplicateSceneLabels, type SceneGrid } from '../../../shared/cases/scene-grid.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = (orgId: string) => `/api/orgs/${orgId}/scene-grid`;
const labelsOf = (grid: SceneGrid) => ({
  stages: grid.stages.map((s) => s.label.ja),
  levels: grid.levels.map((l) => l.label.ja),
});

describe('scene grid', () => {
  it('starts with the default stages narrow to wide and levels low to high', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const r = await t.app.inject({ method: 'GET', url: url(org.id), headers: { cookie } });
    expect(r.statusCode).toBe(200);
    const grid = r.json() as SceneGrid;
    expect(grid.stages.map((s) => s.id)).toEqual(['individual', 'workplace', 'government', 'region']);
    expect(labelsOf(grid)).toEqual({
      stages: ['個人', '職場', '役所全体', '地域'],
      levels: ['不具合解消', '改善', '革新'],
    });
    expect(grid.stages.every((s) => !s.renamed)).toBe(true);
  });

  it('renames a stage and a level, keeps the ids, resets to the default and audits each change', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const renamed = await t.app.inject({
      method: 'PUT',
      url: url(org.id),
      headers: { cookie },
      payload: {
        stages: { government: { ja: ' 庁内全体 ', en: 'Whole city hall' } },
        levels: { innovation: { ja: '変革', en: 'Transformation' } },
      },
    });
    expect(renamed.statusCode).toBe(200);
    const grid = renamed.json() as SceneGrid;
    expect(grid.stages[2]).toEqual({
      id: 'government',
      label: { ja: '庁内全体', en: 'Whole city hall' },
      renamed: true,
    });
    expect(grid.levels[2]).toMatchObject({ id: 'innovation', renamed: true });
    expect(grid.stages[0]).toMatchObject({ id: 'individual', renamed: false });

    // Another member reads the same labels.
    const staff = await createMember(t, { orgId: org.id, role: 'staff' });
    const staffCookie = await logIn(t, staff.user.email);
    const read = await t.app.inject({ method: 'GET', url: url(org.id), headers: { cookie: staffCookie } });
    expect(labelsOf(read.json()).stages).toEqual(['個人', '職場', '庁内全体', '地域']);

    // The default label removes the rename; a level left out keeps its own.
    const reset = await t.app.inject({
      method: 'PUT',
      url: url(org.id),
      headers: { cookie },
      payload: { stages: { government: { ja: '役所全体', en: 'Whole government' } } },
    });
    expect(reset.json().stages[2]).toMatchObject({ label: { ja: '役所全体' }, renamed: false });
    expect(reset.json().levels[2]).toMatchObject({ label: { ja: '変革' }, renamed: true });

    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/audit-events?action=scene_grid`,
      headers: { cookie },
    });
    const events = audit.json().items as { action: string; changes: Record<string, unknown> }[];
    expect(events).toHaveLength(2);
    expect(events.map((e) => Object.keys(e.changes).sort())).toContainEqual(['level.innovation', 'stage.government']);
    expect(events.map((e) => e.changes['stage.government'])).toContainEqual([
      { ja: '庁内全体', en: 'Whole city hall' },
      { ja: '役所全体', en: 'Whole government' },
    ]);
  });

  it('records nothing when the labels are what they already were', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const same = await t.app.inject({
      method: 'PUT',
      url: url(org.id),
      headers: { cookie },
      payload: { stages: { individual: { ja: '個人', en: 'Individual' } } },
    });
    expect(same.statusCode).toBe(200);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/audit-events?action=scene_grid`,
      headers: { cookie },
    });
    expect(audit.json().items).toHaveLength(0);
  });

  it('refuses empty, too long, unknown and duplicate labels with field errors in both languages', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const put = (payload: object) => t.app.inject({ method: 'PUT', url: url(org.id), headers: { cookie }, payload });

    const empty = await put({ stages: { region: { ja: '   ', en: 'Region' } } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.stages.region.ja');

    const long = await put({ levels: { fix: { ja: '不'.repeat(21), en: 'Fix' } } });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('body.levels.fix.ja');

    expect((await put({ stages: { nation: { ja: '国', en: 'Nation' } } })).statusCode).toBe(400);
    expect((await put({ stages: { region: { ja: '地域' } } })).statusCode).toBe(400);
    expect((await put({ stages: { region: { ja: '地\u0007域', en: 'Region' } } })).statusCode).toBe(400);

    // 職場 is the workplace's already; the English name clashes too, written in full-width letters.
    const duplicate = await put({ stages: { individual: { ja: '職場', en: 'ＷＯＲＫＰＬＡＣＥ' } } });
    expect(duplicate.statusCode).toBe(400);
    const errors = duplicate.json().errors as { path: string; code: string; messages: { ja: string; en: string } }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['body.stages.individual.en', 'body.stages.individual.ja']);
    expect(errors[0]?.code).toBe('sceneGrid.duplicate_label');
    expect(errors[0]?.messages.ja).toContain('同じ名前');
    expect(errors[0]?.messages.en).toContain('already has this name');

    // Swapping two names in one save is fine: only the result must be unambiguous.
    const swap = await put({
      stages: { individual: { ja: '職場', en: 'Workplace' }, workplace: { ja: '個人', en: 'Individual' } },
    });
    expect(swap.statusCode).toBe(200);
    expect(labelsOf(swap.json()).stages.slice(0, 2)).toEqual(['職場', '個人']);
  });

  it('lets staff read the grid but not rename it', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const staff = await createMember(t, { orgId: org.id, role: 'staff' });
    const staffCookie = await logIn(t, staff.user.email);
    const payload = { stages: { government: { ja: '庁内全体', en: 'Whole city hall' } } };
    const blocked = await t.app.inject({ method: 'PUT', url: url(org.id), headers: { cookie: staffCookie }, payload });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().messages.ja).toContain('権限');
    const allowed = await t.app.inject({ method: 'PUT', url: url(org.id), headers: { cookie }, payload });
    expect(allowed.statusCode).toBe(200);
  });

  it("gives another organisation's admin a 404 and leaves the labels alone", async () => {
    const a = await createOrgWithAdmin(t);
    const b = await createOrgWithAdmin(t);
    const payload = { stages: { government: { ja: '侵入', en: 'Intrusion' } } };
    const read = await t.app.inject({ method: 'GET', url: url(a.org.id), headers: { cookie: b.cookie } });
    expect(read.statusCode).toBe(404);
    const write = await t.app.inject({ method: 'PUT', url: url(a.org.id), headers: { cookie: b.cookie }, payload });
    expect(write.statusCode).toBe(404);
    expect(write.json().code).toBe('not_found');
    const own = await t.app.inject({ method: 'PUT', url: url(b.org.id), headers: { cookie: b.cookie }, payload });
    expect(own.statusCode).toBe(200);
    const untouched = await t.app.inject({ method: 'GET', url: url(a.org.id), headers: { cookie: a.cookie } });
    expect(labelsOf(untouched.json()).stages[2]).toBe('役所全体');
  });
});

describe('findDuplicateSceneLabels', () => {
  it('names every label of a clashing pair, per axis and language', () => {
    const grid = buildSceneGrid([
      { axis: 'level', key: 'innovation', ja: '改善', en: 'Innovation' },
      { axis: 'stage', key: 'region', ja: '地域', en: 'individual' },
    ]);
    expect(findDuplicateSceneLabels(grid)).toEqual([
      { axis: 'stage', key: 'individual', language: 'en' },
      { axis: 'stage', key: 'region', language: 'en' },
      { axis: 'level', key: 'improvement', language: 'ja' },
      { axis: 'level', key: 'innovation', language: 'ja' },
    ]);
    expect(findDuplicateSceneLabels(buildSceneGrid([]))).toEqual([]);
  });
});
