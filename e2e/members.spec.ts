import { beforeAll, describe, test } from 'vitest';
import { MembersPage } from './pages/members.page.js';
import { apiAs, createMember, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueEmail, uniqueSuffix } from './support/demo.js';
import { expectCount, expectHidden, expectInnerText, expectVisible } from './support/expect.js';

describe('メンバーの管理', () => {
  const browser = useBrowser();
  let cityId = '';
  // People and an invitation of this spec's own, so the demo members stay as seeded.
  const mover = {
    email: uniqueEmail('mover'),
    displayName: `異動 一夫${uniqueSuffix().slice(-4)}`,
    password: 'e2e-mover-2026',
    role: 'staff' as const,
  };
  const leaver = {
    email: uniqueEmail('leaver'),
    displayName: `退職 二葉${uniqueSuffix().slice(-4)}`,
    password: 'e2e-leaver-2026',
    role: 'staff' as const,
  };
  const invitee = uniqueEmail('not-coming');

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      await createMember(admin, cityId, mover);
      await createMember(admin, cityId, leaver);
      await admin.post(`/api/orgs/${cityId}/invitations`, { email: invitee, role: 'staff', position: 'staff' });
    } finally {
      await admin.dispose();
    }
  });

  test('組織管理者がメンバーの役割・役職・部署を変え、別のメンバーを確認のうえ組織から外し、招待を取り消す', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const members = new MembersPage(page);
    await members.goto(cityId);

    await members.editMember(mover.displayName, { role: '所属長', position: '課長', department: '保険年金課' });
    await expectVisible(members.toast(`${mover.displayName}さんの所属を更新しました。`));
    await expectInnerText(await members.memberCell(mover.displayName, '役割'), '所属長');
    await expectInnerText(await members.memberCell(mover.displayName, '役職'), '課長');
    await expectInnerText(await members.memberCell(mover.displayName, '部署'), '保険年金課');

    await members.removeMember(leaver.displayName);
    await expectVisible(members.toast(`${leaver.displayName}さんを組織から外しました。`));
    await expectCount(members.memberRow(leaver.displayName), 0);

    await members.revokeInvitation(invitee);
    await expectVisible(members.toast(`${invitee} への招待を取り消しました。`));
    await expectHidden(members.invitationRow(invitee));

    // Saved, not only drawn: after a reload the list reads the same.
    await page.reload();
    await members.waitUntilLoaded();
    await expectInnerText(await members.memberCell(mover.displayName, '部署'), '保険年金課');
    await expectCount(members.memberRow(leaver.displayName), 0);
    await members.waitForInvitations();
    await expectCount(members.invitationRow(invitee), 0);
  });
});
