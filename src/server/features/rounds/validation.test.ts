import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createRespondents, createRound, importTemplate, type Respondent } from '../../../../test/rounds.js';

/**
 * Out-of-range input to the rounds API is answered in sentences a person can act on, in Japanese
 * and English, under a code of our own rather than Zod's generic wording (「小さすぎる値: …」).
 */

let t: TestApp;
let orgId: string;
let admin: string;
let templateId: string;
let roundId: string;
let respondent: Respondent;

type FieldProblem = { path: string; code: string; message: string; messages: { ja: string; en: string } };
const fieldErrors = (body: string) => (JSON.parse(body) as { errors: FieldProblem[] }).errors;

beforeAll(async () => {
  t = await createTestApp();
  const a = await createOrgWithAdmin(t);
  orgId = a.org.id;
  admin = a.cookie;
  ({ templateId } = await importTemplate(t, orgId, admin));
  roundId = await createRound(t, orgId, admin, { templateId });
  [respondent] = (await createRespondents(t, orgId, [{ position: 'staff' }])) as [Respondent];
});
afterAll(() => t.close());

describe('field errors of rounds', () => {
  it('words an anonymity threshold out of range', async () => {
    for (const anonymityThreshold of [1, 51, 2.5]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${orgId}/rounds`,
        headers: { cookie: admin },
        payload: {
          title: 'しきい値',
          templateId,
          version: 1,
          scopeKind: 'org',
          opensOn: '2026-04-01',
          closesOn: '2026-04-30',
          anonymityThreshold,
        },
      });
      expect(response.statusCode).toBe(400);
      expect(fieldErrors(response.body)).toContainEqual({
        path: 'body.anonymityThreshold',
        code: 'round.threshold_range',
        message: '匿名性のしきい値は2〜50の整数で指定してください。',
        messages: {
          ja: '匿名性のしきい値は2〜50の整数で指定してください。',
          en: 'Set the anonymity threshold to a whole number from 2 to 50.',
        },
      });
    }
  });

  it('words a sheet that is not a valid id', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/rounds`,
      headers: { cookie: admin, 'accept-language': 'en' },
      payload: {
        title: '壊れたID',
        templateId: 'not-a-uuid',
        version: 1,
        scopeKind: 'org',
        opensOn: '2026-04-01',
        closesOn: '2026-04-30',
      },
    });
    expect(response.statusCode).toBe(400);
    const problem = fieldErrors(response.body).find((e) => e.path === 'body.templateId');
    expect(problem).toMatchObject({
      code: 'id.format',
      message: 'This choice is not valid. Choose again from the list.',
    });
    expect(problem?.messages.ja).not.toContain('UUID');
  });

  it('words a sheet version past any there can be, instead of failing in the database', async () => {
    for (const version of [2147483648, Number.MAX_SAFE_INTEGER]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${orgId}/rounds`,
        headers: { cookie: admin },
        payload: { title: '版', templateId, version, scopeKind: 'org', opensOn: '2026-04-01', closesOn: '2026-04-30' },
      });
      expect(response.statusCode, String(version)).toBe(400);
      expect(fieldErrors(response.body)).toEqual([
        expect.objectContaining({ path: 'body.version', code: 'round.version_unknown' }),
      ]);
    }
  });

  it('words a level beyond the scale as a level (段階) the item does not have', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/rounds/${roundId}/my-response`,
      headers: { cookie: respondent.cookie },
      payload: {
        position: 'staff',
        departmentId: null,
        mostImportantItemKey: null,
        answers: [{ itemKey: 'vision', level: 9 }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response.body)).toContainEqual(
      expect.objectContaining({
        path: 'body.answers.0.level',
        code: 'response.level_out_of_range',
        message: 'この項目にない段階です。',
      }),
    );
  });

  it('words a round to compare with that is not a round id', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/rounds/${roundId}/results?compareTo=last-year`,
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response.body)).toContainEqual(
      expect.objectContaining({
        path: 'querystring.compareTo',
        code: 'round.compare_unknown',
        message: '比べる実施は、同じシートの別の実施から選んでください。',
      }),
    );
  });
});
