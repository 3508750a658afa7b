import { expect } from 'vitest';
import { multipartBody } from '../../../../test/cases.js';
import type { TenancyFixture } from '../../../../test/tenancy.js';

const caseList = () => {
  const { payload, contentType } = multipartBody([
    {
      name: 'file',
      fileName: 'list.csv',
      type: 'text/csv',
      content: Buffer.from('件名,実施日\n一覧の事例,2026-06-01\n'),
    },
  ]);
  return { raw: payload, contentType };
};

/**
 * Two imports of a case list left unfinished, which the organisation may continue or discard: the
 * first is checked and committed by its own probes, the second is there to be discarded.
 */
export const caseImportFixture: TenancyFixture = {
  async setUp(t, tenant) {
    const start = async () => {
      const { raw, contentType } = caseList();
      const started = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${tenant.org.id}/case-imports`,
        headers: { cookie: tenant.cookie, 'content-type': contentType },
        payload: raw,
      });
      expect(started.statusCode, started.body).toBe(201);
      return started.json().id as string;
    };
    return { values: { importId: await start(), spareImportId: await start() } };
  },
  allowedWith: { 'DELETE /api/orgs/:orgId/case-imports/:importId': { importId: 'spareImportId' } },
  bodies: {
    'POST /api/orgs/:orgId/case-imports': caseList,
    'POST /api/orgs/:orgId/case-imports/:importId/validate': { mapping: { title: 0, happenedOn: 1 }, offset: 0 },
    'POST /api/orgs/:orgId/case-imports/:importId/commit': { status: 'published' },
    'DELETE /api/orgs/:orgId/case-imports/:importId': {},
  },
};
