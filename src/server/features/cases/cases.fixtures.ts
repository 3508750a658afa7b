import { expect } from 'vitest';
import { multipartBody, publishCase, sampleFiles, uploadAttachment } from '../../../../test/cases.js';
import type { TestApp } from '../../../../test/harness.js';
import { send, type TenancyFixture, type Tenant } from '../../../../test/tenancy.js';

/** Words that appear only in a field its reporter marked internal, to look for in what others read. */
const internalWords = '庁内だけの事情';

async function attach(t: TestApp, tenant: Tenant, caseId: string) {
  const photo = await uploadAttachment(t, `/api/orgs/${tenant.org.id}/cases/${caseId}/attachments`, tenant.cookie, {
    fileName: `${tenant.label}の写真.png`,
    content: sampleFiles.png,
  });
  expect(photo.statusCode, photo.body).toBe(201);
  return photo.json().id as string;
}

/** A published case shared as asked, with one photo, its problem marked internal. */
async function sharedCase(t: TestApp, tenant: Tenant, sharing: 'network' | 'public', internal: string[]) {
  const caseId = await publishCase(t, tenant.org.id, tenant.cookie, {
    title: `${tenant.label}の${sharing}事例`,
    problem: internalWords,
    sharing,
    internalFields: internal,
  });
  return { caseId, attachmentId: await attach(t, tenant, caseId) };
}

const upload = () => {
  const { payload, contentType } = multipartBody([
    { name: 'file', fileName: '追加.png', type: 'image/png', content: sampleFiles.png },
  ]);
  return { raw: payload, contentType };
};

/** A case published to its own organisation only, with a photo. */
export const casesFixture: TenancyFixture = {
  async setUp(t, tenant) {
    const caseId = await publishCase(t, tenant.org.id, tenant.cookie, {
      title: `${tenant.label}の窓口改善`,
      sharing: 'org',
    });
    return { values: { caseId, attachmentId: await attach(t, tenant, caseId) } };
  },
  queries: {
    'GET /api/orgs/:orgId/cases': (v) => `departmentId=${v.departmentId}`,
    'GET /api/orgs/:orgId/cases/export': (v) => `departmentId=${v.departmentId}`,
    'GET /api/orgs/:orgId/rounds/:roundId/case-suggestions': (v) => `departmentId=${v.departmentId}`,
  },
  bodies: {
    'POST /api/orgs/:orgId/cases': (v) => ({
      title: '新しい事例',
      happenedOn: '2026-06-01',
      departmentId: v.departmentId,
      reporterIds: [v.userId],
      adoptedFromId: v.caseId,
    }),
    'PUT /api/orgs/:orgId/cases/:caseId': (v) => ({
      title: '書き換え',
      happenedOn: '2026-06-01',
      departmentId: v.departmentId,
    }),
    'DELETE /api/orgs/:orgId/cases/:caseId': {},
    'POST /api/orgs/:orgId/cases/:caseId/review': { action: 'comment', comment: '書き換え' },
    'POST /api/orgs/:orgId/cases/:caseId/awards': { fiscalYear: 2026, name: '書き換え賞' },
    'POST /api/orgs/:orgId/cases/:caseId/attachments': upload,
    'DELETE /api/orgs/:orgId/cases/:caseId/attachments/:attachmentId': {},
  },
  rules: [
    {
      rule: 'A case A publishes to the public is read by anyone, signed in or not, without its internal fields; its files only with it',
      routes: [
        'GET /api/public/cases',
        'GET /api/public/cases/:caseId',
        'GET /api/public/cases/:caseId/attachments/:attachmentId',
      ],
      allows: true,
      async check({ t, a, b }) {
        const open = await sharedCase(t, a, 'public', ['problem']);
        const closed = await sharedCase(t, a, 'public', ['problem', 'attachments']);
        for (const cookie of [undefined, b.cookie]) {
          const read = await send(t, { method: 'GET', url: `/api/public/cases/${open.caseId}`, cookie });
          expect(read.status).toBe(200);
          expect(read.text).not.toContain(internalWords);
          const file = await send(t, {
            method: 'GET',
            url: `/api/public/cases/${open.caseId}/attachments/${open.attachmentId}`,
            cookie,
          });
          expect(file.status).toBe(200);
          // Files marked internal are not there at all; nor is a file of another case, through this one.
          for (const url of [
            `/api/public/cases/${closed.caseId}/attachments/${closed.attachmentId}`,
            `/api/public/cases/${open.caseId}/attachments/${a.values.attachmentId}`,
            `/api/public/cases/${open.caseId}/attachments/${closed.attachmentId}`,
          ]) {
            expect((await send(t, { method: 'GET', url, cookie })).status, url).toBe(404);
          }
        }
        const search = await send(t, { method: 'GET', url: '/api/public/cases' });
        const ids = (JSON.parse(search.text).hits as { id: string }[]).map((h) => h.id);
        expect(ids).toContain(open.caseId);
        expect(ids).not.toContain(a.values.caseId);
        expect(search.text).not.toContain(internalWords);
      },
    },
    {
      rule: "A case A shares with the network is read by B's members under B, without its internal fields; B changes nothing of it",
      routes: [
        'GET /api/orgs/:orgId/cases/:caseId',
        'GET /api/orgs/:orgId/cases/:caseId/similar',
        'GET /api/orgs/:orgId/cases/:caseId/attachments/:attachmentId',
        'PUT /api/orgs/:orgId/cases/:caseId',
        'DELETE /api/orgs/:orgId/cases/:caseId',
        'POST /api/orgs/:orgId/cases/:caseId/review',
        'POST /api/orgs/:orgId/cases/:caseId/awards',
        'POST /api/orgs/:orgId/cases/:caseId/attachments',
        'DELETE /api/orgs/:orgId/cases/:caseId/attachments/:attachmentId',
      ],
      async check({ t, a, b }) {
        const shared = await sharedCase(t, a, 'network', ['problem']);
        const base = `/api/orgs/${b.org.id}/cases/${shared.caseId}`;
        for (const cookie of [b.cookie, b.staffCookie]) {
          for (const url of [base, `${base}/similar`, `${base}/attachments/${shared.attachmentId}`]) {
            const read = await send(t, { method: 'GET', url, cookie });
            expect(read.status, url).toBe(200);
            expect(read.text, url).not.toContain(internalWords);
          }
          // Not a file of another of A's cases through the shared one.
          const other = await send(t, { method: 'GET', url: `${base}/attachments/${a.values.attachmentId}`, cookie });
          expect(other.status).toBe(404);
        }
        // B's admin holds every permission in B, so each refusal is the tenancy's.
        for (const [method, url, body] of [
          ['PUT', base, { title: '書き換え', happenedOn: '2026-06-01' }],
          ['DELETE', base, {}],
          ['POST', `${base}/review`, { action: 'comment', comment: '書き換え' }],
          ['POST', `${base}/awards`, { fiscalYear: 2026, name: '書き換え賞' }],
          ['POST', `${base}/attachments`, upload()],
          ['DELETE', `${base}/attachments/${shared.attachmentId}`, {}],
        ] as const) {
          const changed = await send(t, { method, url, cookie: b.cookie, body });
          expect(changed.status, `${method} ${url}`).toBe(404);
        }
        // Before it is published it is A's alone; B's search finds the shared case, not A's own.
        const draft = await t.app.inject({
          method: 'POST',
          url: `/api/orgs/${a.org.id}/cases`,
          headers: { cookie: a.cookie },
          payload: { title: 'Aの共有予定の事例', happenedOn: '2026-06-01', sharing: 'network' },
        });
        const early = await send(t, {
          method: 'GET',
          url: `/api/orgs/${b.org.id}/cases/${draft.json().id}`,
          cookie: b.cookie,
        });
        expect(early.status).toBe(404);
        const search = await send(t, {
          method: 'GET',
          url: `/api/orgs/${b.org.id}/cases?from=others`,
          cookie: b.cookie,
        });
        const found = (JSON.parse(search.text).hits as { id: string }[]).map((h) => h.id);
        expect(found).toContain(shared.caseId);
        expect(found).not.toContain(a.values.caseId);
        expect(found).not.toContain(draft.json().id);
        // Its internal fields are neither found by a search nor written into B's download.
        const byWords = await send(t, {
          method: 'GET',
          url: `/api/orgs/${b.org.id}/cases?q=${encodeURIComponent(internalWords)}`,
          cookie: b.cookie,
        });
        expect(byWords.text).not.toContain(shared.caseId);
        const download = await send(t, {
          method: 'GET',
          url: `/api/orgs/${b.org.id}/cases/export?from=others`,
          cookie: b.cookie,
        });
        expect(download.text).toContain('Aのnetwork事例');
        expect(download.text).not.toContain(internalWords);
        const still = await send(t, {
          method: 'GET',
          url: `/api/orgs/${a.org.id}/cases/${shared.caseId}`,
          cookie: a.cookie,
        });
        expect(JSON.parse(still.text)).toMatchObject({ title: 'Aのnetwork事例', status: 'published' });
        expect(JSON.parse(still.text).attachments).toHaveLength(1);
      },
    },
  ],
};
