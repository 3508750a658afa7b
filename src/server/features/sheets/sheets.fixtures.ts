import { expect } from 'vitest';
import { smallTemplate } from '../../../../test/rounds.js';
import type { TenancyFixture } from '../../../../test/tenancy.js';

/** A template copied from a sample, at its version 1. */
export const sheetsFixture: TenancyFixture = {
  async setUp(t, tenant) {
    const template = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${tenant.org.id}/sheet-templates/from-sample`,
      headers: { cookie: tenant.cookie },
      payload: { sampleKey: 'workplace-quick' },
    });
    expect(template.statusCode, template.body).toBe(201);
    return { values: { templateId: template.json().templateId, version: '1' } };
  },
  ordinals: { version: 'templateId' },
  bodies: {
    'POST /api/orgs/:orgId/sheet-templates/from-sample': { sampleKey: 'workplace-detailed' },
    'POST /api/orgs/:orgId/sheet-templates/import': { format: 'json', text: JSON.stringify(smallTemplate()) },
    'POST /api/orgs/:orgId/sheet-templates/:templateId/versions': { content: {} },
  },
};
