import type { TenancyFixture } from '../../../../test/tenancy.js';

/** The national list of local governments is reference data: the same answer for everyone signed in. */
export const localGovernmentsFixture: TenancyFixture = {
  async setUp() {
    // 札幌市
    return { values: { lgCode: '011002' } };
  },
  references: { lgCode: 'the national list of local governments, the same for everyone signed in' },
};
