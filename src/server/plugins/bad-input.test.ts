import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createOrgWithAdmin } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { importTemplate } from '../../../test/rounds.js';
import { fieldErrorCatalog } from '../../shared/errors/field-errors.js';

/** Bad input gets a 4xx problem+json in Japanese and English, never a 500, and harms nothing stored. */
let t: TestApp;
let ctx: Awaited<ReturnType<typeof createOrgWithAdmin>>;
let departmentId: string;
let url: string;

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT: '10000' });
  ctx = await createOrgWithAdmin(t, { name: '安全市' });
  departmentId = (await createDepartment(t, ctx.org.id, { name: '市民課' })).id;
  url = `/api/orgs/${ctx.org.id}/departments`;
});
afterAll(() => t.close());

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const body = response.json() as {
    code: string;
    title: string;
    status: number;
    type: string;
    messages: { ja: string; en: string };
  };
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^\/problems\//);
  expect(body.messages.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  expect(body.messages.en).toMatch(/[A-Za-z]/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
}

async function post(payload: string | Buffer, contentType = 'application/json', extra: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: ctx.cookie, 'content-type': contentType, ...extra },
    payload,
  });
}

describe('bad input', () => {
  it('malformed JSON', async () => {
    expectProblem(await post('{"name": "総務部", '), 400, 'invalid_json');
  });

  it('wrong types, with the field named', async () => {
    const response = await post(JSON.stringify({ name: 42, level: 'bureau' }));
    expectProblem(response, 400, 'validation');
    expect((response.json() as { errors: { path: string }[] }).errors[0]?.path).toBe('body.name');
  });

  it('unknown fields', async () => {
    expectProblem(await post(JSON.stringify({ name: '総務部', level: 'bureau', isAdmin: true })), 400, 'validation');
  });

  it('an oversize body', async () => {
    expectProblem(await post(JSON.stringify({ name: 'あ'.repeat(20_000), level: 'bureau' })), 413, 'payload_too_large');
  });

  it('a text that is too long for the field', async () => {
    expectProblem(await post(JSON.stringify({ name: 'あ'.repeat(101), level: 'bureau' })), 400, 'validation');
  });

  it('invalid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xe7, 0xb7]),
      Buffer.from('","level":"bureau"}'),
    ]);
    expectProblem(await post(bytes), 400, 'invalid_encoding');
  });

  it('a NUL character', async () => {
    expectProblem(await post(JSON.stringify({ name: 'a\u0000b', level: 'bureau' })), 400, 'validation');
  });

  it('prototype poisoning', async () => {
    expectProblem(await post('{"name":"x","level":"bureau","__proto__":{"admin":true}}'), 400, 'invalid_json');
  });

  it('another content type', async () => {
    expectProblem(await post('name=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
  });

  it('an id that is not a UUID, and an unknown route', async () => {
    const r1 = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/not-a-uuid/departments`,
      headers: { cookie: ctx.cookie },
    });
    expectProblem(r1, 404, 'not_found');
    const r2 = await t.app.inject({
      method: 'PATCH',
      url: `${url}/1%27%20OR%201=1`,
      headers: { cookie: ctx.cookie },
      payload: {},
    });
    expectProblem(r2, 400, 'validation');
    const r3 = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expectProblem(r3, 404, 'not_found');
    // Paths the router cannot read: not UTF-8 once decoded, or a parameter past its length.
    for (const path of [
      '/api/orgs/%E7%B7/departments',
      '/api/public/cases/%zz',
      `/api/public/cases/${'a'.repeat(300)}`,
    ]) {
      const r = await t.app.inject({ method: 'GET', url: path });
      expectProblem(r, 404, 'not_found');
      expect(r.body, path).not.toContain('/api/');
    }
  });

  it('a bad query string', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${ctx.org.id}/audit-events?limit=abc`,
      headers: { cookie: ctx.cookie },
    });
    expectProblem(r, 400, 'validation');
    const r2 = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${ctx.org.id}/audit-events?cursor=%%%`,
      headers: { cookie: ctx.cookie },
    });
    expect(r2.statusCode).toBe(400);
  });

  it('stores SQL and HTML as plain text and harms nothing', async () => {
    const hostile = "'); DROP TABLE departments; -- <script>alert(1)</script>";
    const created = await post(JSON.stringify({ name: hostile, level: 'unit', parentId: departmentId }));
    expect(created.statusCode).toBe(201);
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${ctx.org.id}/members?q=${encodeURIComponent("%' OR '1'='1")}`,
      headers: { cookie: ctx.cookie },
    });
    expect(search.statusCode).toBe(200);
    expect(search.json()).toEqual([]);
    const list = await t.app.inject({ method: 'GET', url, headers: { cookie: ctx.cookie } });
    expect(
      list
        .json()
        .map((d: { name: string }) => d.name)
        .sort(),
    ).toEqual([hostile, '市民課'].sort());
    expect(list.headers['content-type']).toContain('application/json');
  });
});

describe('security headers', () => {
  it('sends a CSP without unsafe-inline scripts and the usual hardening headers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBeDefined();
  });

  it('reports health with the database kind and migration state', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json().database.kind).toBe(t.database.kind);
    expect(r.json().database.migrations.pending).toEqual([]);
  });

  it('publishes an OpenAPI document built from the schemas', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/orgs/{orgId}/departments');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });
});

describe('field errors in both languages', () => {
  it("words Zod's checks and our own rules in Japanese and English, in the caller's language first", async () => {
    const tooLong = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: ctx.cookie, 'accept-language': 'en-US,en;q=0.9' },
      payload: { name: 'あ'.repeat(101), level: 'bureau' },
    });
    const [field] = tooLong.json().errors;
    expect(field).toMatchObject({ path: 'body.name', code: 'too_big' });
    expect(field.messages).toEqual({ ja: '100文字以内で入力してください。', en: 'Use at most 100 characters.' });
    expect(field.message).toBe(field.messages.en);

    const missing = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: ctx.cookie },
      payload: { level: 'bureau' },
    });
    expect(missing.json().errors[0]).toMatchObject({ path: 'body.name', message: '入力してください。' });
    const wrongType = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: ctx.cookie },
      payload: { name: 42, level: 'bureau' },
    });
    expect(wrongType.json().errors[0].message).not.toBe('入力してください。');
    const wrongChoice = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: ctx.cookie },
      payload: { name: '課', level: 'section' },
    });
    expect(wrongChoice.json().errors[0]).toMatchObject({
      path: 'body.level',
      message: '選択肢の中から選んでください。',
    });

    const badCode = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${ctx.org.id}`,
      headers: { cookie: ctx.cookie },
      payload: { lgCode: '131017' },
    });
    expect(badCode.json().errors[0]).toMatchObject({
      path: 'body.lgCode',
      code: 'lgCode.check_digit',
      message: '団体コードの検査数字（6桁目）が正しくありません。',
    });

    const foreignDepartment = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: ctx.cookie },
      payload: { name: '迷子課', level: 'division', parentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(foreignDepartment.json().errors[0]).toMatchObject({ code: 'department.unknown', path: 'body.parentId' });
  });
});

describe('bad query strings', () => {
  it('refuses NUL characters, forged cursors and impossible dates with a 400', async () => {
    const base = `/api/orgs/${ctx.org.id}`;
    const forged = Buffer.from(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url');
    const farPast = Buffer.from('-271821-04-20T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString(
      'base64url',
    );
    for (const url of [
      `${base}/members?q=%00`,
      `${base}/audit-events?action=%00`,
      `${base}/audit-events?cursor=${forged}`,
      `${base}/audit-events?cursor=${farPast}`,
      `${base}/audit-events?from=0001-01-01`,
    ]) {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie: ctx.cookie } });
      expect(r.statusCode, url).toBe(400);
    }
  });
});

/** The first field error of a 400, to check its path and its catalogued words. */
function fieldError(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }) {
  expectProblem(response, 400, 'validation');
  const [field] = (response.json() as { errors: { path: string; code: string; messages: object }[] }).errors;
  return field;
}

describe('text no database can store', () => {
  it('refuses U+0000 in any query string or path parameter, without login too', async () => {
    const nul = { code: 'text.control_characters', messages: fieldErrorCatalog['text.control_characters'] };
    for (const url of [
      '/api/public/cases?tag=%00',
      '/api/public/cases?tag=a%00b',
      '/api/public/cases?q=x&tag=a&tag=%00',
    ]) {
      const field = fieldError(await t.app.inject({ method: 'GET', url }));
      expect(field, url).toMatchObject({ path: expect.stringMatching(/^querystring\.tag/), ...nul });
    }
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${ctx.org.id}/cases/export?tag=%00`,
      headers: { cookie: ctx.cookie },
    });
    expect(fieldError(exported)).toMatchObject({ path: 'querystring.tag', ...nul });
    const token = await t.app.inject({ method: 'GET', url: '/api/invitations/a%00b' });
    expect(fieldError(token)).toMatchObject({ path: 'params.token', ...nul });
  });
});

describe('lone surrogates in JSON', () => {
  const broken = { code: 'text.unpaired_surrogate', messages: fieldErrorCatalog['text.unpaired_surrogate'] };
  const send = (method: 'POST' | 'PATCH', url: string, body: string) =>
    t.app.inject({ method, url, headers: { cookie: ctx.cookie, 'content-type': 'application/json' }, payload: body });

  it('refuses them with the field named, and stores nothing in their place', async () => {
    const me = await send('PATCH', '/api/auth/me', '{"displayName":"a\\ud800"}');
    expect(fieldError(me)).toMatchObject({ path: 'body.displayName', ...broken });
    const profile = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: ctx.cookie } });
    expect(profile.json().displayName).toBe(ctx.admin.user.displayName);

    const department = await send('PATCH', `${url}/${departmentId}`, JSON.stringify({ name: 'b\udc00c' }));
    expect(fieldError(department)).toMatchObject({ path: 'body.name', ...broken });
    const org = await send('PATCH', `/api/orgs/${ctx.org.id}`, JSON.stringify({ name: '\udbff' }));
    expect(fieldError(org)).toMatchObject({ path: 'body.name', ...broken });
    const list = await t.app.inject({ method: 'GET', url, headers: { cookie: ctx.cookie } });
    expect(list.body).not.toContain('\ufffd');

    // A pair is one character and passes: 𠮷 (U+20BB7) is sent as \ud842\udfb7.
    const paired = await send('POST', url, '{"name":"\\ud842\\udfb7野課","level":"bureau"}');
    expect(paired.statusCode).toBe(201);
    expect(paired.json().name).toBe('𠮷野課');
  });

  it('names the path inside lists and objects, and the object whose key is broken', async () => {
    const event = await send(
      'POST',
      `/api/orgs/${ctx.org.id}/presentation-events`,
      JSON.stringify({
        title: '発表会',
        criteria: ['効果'],
        presentations: [
          { title: '一', presenter: '市民課' },
          { title: '二\ud800', presenter: '総務課' },
        ],
      }),
    );
    expect(fieldError(event)).toMatchObject({ path: 'body.presentations.1.title', ...broken });
    const key = await send('POST', url, '{"name":"課","level":"bureau","extra":{"\\udc00":1}}');
    expect(fieldError(key)).toMatchObject({ path: 'body.extra', ...broken });
    const nul = await send('POST', url, JSON.stringify({ name: 'a\u0000b', level: 'bureau' }));
    expect(fieldError(nul)).toMatchObject({ path: 'body.name', code: 'text.control_characters' });
  });
});

describe('days the database cannot store', () => {
  it('refuses year 0 and days past 2199 on every form that takes a day, with the field named', async () => {
    const base = `/api/orgs/${ctx.org.id}`;
    const { templateId } = await importTemplate(t, ctx.org.id, ctx.cookie);
    const plan = { title: 'プラン', goal: '目標', aim: 'offense', steps: [], sheetItems: [], scenes: [] };
    const involve = { colleagues: '', bosses: '', executives: '', hr: '' };
    for (const day of ['0000-01-01', '1899-12-31', '9999-12-31']) {
      for (const [url, payload, path] of [
        [`${base}/cases`, { title: '事例', problem: '課題', happenedOn: day }, 'body.happenedOn'],
        [
          `${base}/rounds`,
          { title: '実施', templateId, version: 1, scopeKind: 'org', opensOn: day, closesOn: '2199-12-31' },
          'body.opensOn',
        ],
        [`${base}/plans`, { content: { ...plan, involve, startsOn: day } }, 'body.content.startsOn'],
        ['/api/me/career/entries', { kind: 'role', title: '係長', startedOn: day }, 'body.startedOn'],
      ] as const) {
        const r = await t.app.inject({ method: 'POST', url, headers: { cookie: ctx.cookie }, payload });
        expect(r.statusCode, `${url} ${day}: ${r.body}`).toBe(400);
        expect(r.json().errors, url).toContainEqual(
          expect.objectContaining({ path, code: 'day.range', messages: fieldErrorCatalog['day.range'] }),
        );
      }
    }
  });
});
