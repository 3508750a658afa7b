import type { TenancyFixture } from '../../../../test/tenancy.js';

/** The scene grid takes no id: its one write renames the organisation's own stages. */
export const sceneGridFixture: TenancyFixture = {
  bodies: {
    'PUT /api/orgs/:orgId/scene-grid': { stages: { government: { ja: '書き換え', en: 'Rewritten' } } },
  },
};
