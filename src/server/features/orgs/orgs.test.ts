import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrg, createOrgWithAdmin, fakeLgCode, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';

let t: TestApp;
let platformCookie: string;
let platformOrgId: string;
beforeAll(async () => {
  t = await createTestApp();
  const platform = await createOrg(t, { kind: 'npo', name: '研究会', isPlatform: true });
  platformOrgId = platform.id;
  const admin = await createMember(t, { orgId: platform.id, role: 'platform_admin', position: 'other' });
  platformCookie = await logIn(t, admin.user.email);
});
afterAll(() => t.close());

describe('organisation profile', () => {
  it('edits the profile and keeps a municipality code valid', async () => {
    const { org, cookie } = await createOrgWithAdmin(t, { kind: 'municipality', name: '旧名市', lgCode: fakeLgCode() });
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      headers: { cookie },
      payload: { name: '新名市', population: 120000, municipalityType: 'core_city' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      name: '新名市',
      population: 120000,
      municipalityType: 'core_city',
      memberCount: 1,
    });
    const badDigit = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      headers: { cookie },
      payload: { lgCode: '131017' },
    });
    expect(badDigit.statusCode).toBe(400);
    expect(badDigit.json().errors[0]).toMatchObject({ path: 'body.lgCode' });
    const removed = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      headers: { cookie },
      payload: { lgCode: null },
    });
    expect(removed.statusCode).toBe(400);
  });

  it('refuses a code another organisation holds', async () => {
    await createOrg(t, { kind: 'municipality', lgCode: '011002' });
    const { org, cookie } = await createOrgWithAdmin(t, { kind: 'municipality', lgCode: '012025' });
    const r = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      headers: { cookie },
      payload: { lgCode: '011002' },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('lg_code_taken');
  });
});

describe('the national list', () => {
  it('finds local governments by name, kana and code', async () => {
    const byName = await t.app.inject({
      method: 'GET',
      url: `/api/local-governments?q=${encodeURIComponent('郡山')}`,
      headers: { cookie: platformCookie },
    });
    expect(byName.json().map((g: { fullName: string }) => g.fullName)).toContain('福島県郡山市');
    const byKana = await t.app.inject({
      method: 'GET',
      url: `/api/local-governments?q=${encodeURIComponent('なかのく')}`,
      headers: { cookie: platformCookie },
    });
    expect(byKana.json()[0]).toMatchObject({
      name: '中野区',
      municipalityType: 'special_ward',
      prefectureName: '東京都',
    });
    const one = await t.app.inject({
      method: 'GET',
      url: '/api/local-governments/141305',
      headers: { cookie: platformCookie },
    });
    expect(one.json()).toMatchObject({ name: '川崎市', municipalityType: 'designated_city' });
  });
});

describe('platform registry', () => {
  it('registers a municipality from the national list and invites its first admin, who joins', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/platform/orgs',
      headers: { cookie: platformCookie },
      payload: { kind: 'municipality', name: '郡山市', lgCode: '072036', adminEmail: 'Kaizen@City.Koriyama.example' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      name: '郡山市',
      prefectureCode: '07',
      nameKana: 'こおりやまし',
      municipalityType: 'city',
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/platform/orgs',
      headers: { cookie: platformCookie },
      payload: { kind: 'municipality', name: '郡山市', lgCode: '072036' },
    });
    expect(again.statusCode).toBe(409);
    const [mail] = await t.mailsTo('kaizen@city.koriyama.example');
    expect(mail?.subject).toContain('郡山市');
    expect(mail?.orgId).toBe(platformOrgId);
    const platformOutbox = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${platformOrgId}/outbox`,
      headers: { cookie: platformCookie },
    });
    expect(platformOutbox.json().map((m: { to: string }) => m.to)).toContain('kaizen@city.koriyama.example');
    const token = mail?.text.match(/invite\/([A-Za-z0-9_-]+)/)?.[1];
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: '郡山 太郎', password: 'koriyama-kaizen-2026' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().memberships[0]).toMatchObject({ orgName: '郡山市', role: 'org_admin' });
    const list = await t.app.inject({ method: 'GET', url: '/api/platform/orgs', headers: { cookie: platformCookie } });
    expect(list.json().find((o: { name: string }) => o.name === '郡山市').memberCount).toBe(1);
  });

  it('requires a code for a municipality and validates its check digit', async () => {
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/platform/orgs',
      headers: { cookie: platformCookie },
      payload: { kind: 'municipality', name: '無番市' },
    });
    expect(none.statusCode).toBe(400);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/platform/orgs',
      headers: { cookie: platformCookie },
      payload: { kind: 'municipality', name: '誤番市', lgCode: '072037' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
