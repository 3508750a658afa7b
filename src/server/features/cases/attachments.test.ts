import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, publishCase, sampleFiles, uploadAttachment } from '../../../../test/cases.js';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { buildApp } from '../../app.js';
import { auditEvents } from '../../db/schema/audit-events.js';
import { caseAttachments } from '../../db/schema/cases.js';
import { toXlsx } from '../../lib/tabular.js';

/**
 * Photos and documents of a case through the HTTP API: the type read from the bytes, the limits,
 * who may add, read and remove them, across organisations and without login.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const draftCase = { title: '窓口の待ち時間を短縮', problem: '待ち時間が長い。', happenedOn: '2026-05-01' };

async function draftOf(orgId: string, cookie: string, body: Record<string, unknown> = {}) {
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/cases`,
    headers: { cookie },
    payload: { ...draftCase, ...body },
  });
  expect(created.statusCode, created.body).toBe(201);
  return `/api/orgs/${orgId}/cases/${created.json().id}`;
}

const stored = async (caseId: string) =>
  (await t.database.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId))).length;

describe('attaching files to a case', () => {
  it('stores images and documents by their content, lists them, and sends them back safely', async () => {
    const { org } = await createOrgWithAdmin(t);
    const reporter = await createMember(t, { orgId: org.id });
    const cookie = await logIn(t, reporter.user.email);
    const url = await draftOf(org.id, cookie);

    const before = await uploadAttachment(t, `${url}/attachments`, cookie, {
      fileName: '改善前の窓口.PNG',
      content: sampleFiles.png,
      type: 'image/png',
      role: 'before',
    });
    expect(before.statusCode, before.body).toBe(201);
    expect(before.json()).toMatchObject({
      fileName: '改善前の窓口.png',
      mediaType: 'image/png',
      sizeBytes: sampleFiles.png.length,
      role: 'before',
    });
    // The declared type does not matter, the bytes do: a JPEG sent as octet-stream is a JPEG photo.
    const photo = await uploadAttachment(t, `${url}/attachments`, cookie, {
      fileName: 'after',
      content: sampleFiles.jpeg,
    });
    expect(photo.json()).toMatchObject({ fileName: 'after.jpg', mediaType: 'image/jpeg', role: 'photo' });
    const xlsx = await toXlsx({ name: '効果', header: ['月', '時間'], rows: [['4月', 50]] });
    const sheet = await uploadAttachment(t, `${url}/attachments`, cookie, {
      fileName: '効果の集計.xlsx',
      content: xlsx,
    });
    expect(sheet.json()).toMatchObject({ role: 'document', fileName: '効果の集計.xlsx' });
    for (const [fileName, content] of [
      ['報告.pdf', sampleFiles.pdf],
      ['手順.docx', sampleFiles.docx],
      ['発表.pptx', sampleFiles.pptx],
      ['anim.gif', sampleFiles.gif],
      ['pic.webp', sampleFiles.webp],
    ] as const)
      expect((await uploadAttachment(t, `${url}/attachments`, cookie, { fileName, content })).statusCode).toBe(201);

    const detail = (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName).sort()).toEqual(
      [
        '改善前の窓口.png',
        'after.jpg',
        '効果の集計.xlsx',
        '報告.pdf',
        '手順.docx',
        '発表.pptx',
        'anim.gif',
        'pic.webp',
      ].sort(),
    );

    const image = await t.app.inject({
      method: 'GET',
      url: `${url}/attachments/${before.json().id}`,
      headers: { cookie },
    });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-disposition']).toBe(
      `inline; filename="______.png"; filename*=UTF-8''${encodeURIComponent('改善前の窓口')}.png`,
    );
    expect(image.rawPayload.equals(sampleFiles.png)).toBe(true);
    const document = await t.app.inject({
      method: 'GET',
      url: `${url}/attachments/${sheet.json().id}`,
      headers: { cookie },
    });
    expect(document.headers['content-disposition']).toMatch(/^attachment; /);
    expect(document.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(document.rawPayload.equals(xlsx)).toBe(true);

    // Kept in the database: a server started again on it still has the file.
    const restarted = await buildApp(t.deps);
    try {
      const again = await restarted.inject({
        method: 'GET',
        url: `${url}/attachments/${before.json().id}`,
        headers: { cookie },
      });
      expect(again.rawPayload.equals(sampleFiles.png)).toBe(true);
    } finally {
      await restarted.close();
    }

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${url}/attachments/${photo.json().id}`,
      headers: { cookie },
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({
      method: 'GET',
      url: `${url}/attachments/${photo.json().id}`,
      headers: { cookie },
    });
    expect(gone.statusCode).toBe(404);
    const audit = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), like(auditEvents.action, 'case.attachment%')));
    expect(audit.filter((a) => a.action === 'case.attachment_add')).toHaveLength(8);
    expect(audit.filter((a) => a.action === 'case.attachment_delete')).toHaveLength(1);
  });

  it('refuses a disguised program, the wrong kind for a photo, oversize files, an eleventh file and JSON', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const url = await draftOf(org.id, cookie);
    const caseId = url.split('/').at(-1) as string;

    const exe = await uploadAttachment(t, `${url}/attachments`, cookie, {
      fileName: 'photo.png',
      content: sampleFiles.exe,
      type: 'image/png',
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('unsupported_media_type');
    expect(exe.json().errors[0]).toMatchObject({ path: 'body.file', code: 'attachment.file_type' });
    expect(exe.json().errors[0].messages.ja).toContain('ファイルの中身');
    expect(exe.json().errors[0].messages.en).toContain('content');
    const svg = await uploadAttachment(t, `${url}/attachments`, cookie, {
      fileName: 'x.png',
      content: Buffer.from('<svg onload="alert(1)"/>'),
    });
    expect(svg.statusCode).toBe(415);

    const pdfAsPhoto = await uploadAttachment(t, `${url}/attachments`, cookie, {
      fileName: 'before.pdf',
      content: sampleFiles.pdf,
      role: 'before',
    });
    expect(pdfAsPhoto.statusCode).toBe(400);
    expect(pdfAsPhoto.json().errors[0]).toMatchObject({ path: 'body.role', code: 'attachment.photo_not_image' });
    const badRole = await uploadAttachment(t, `${url}/attachments`, cookie, {
      fileName: 'a.png',
      content: sampleFiles.png,
      role: 'cover',
    });
    expect(badRole.statusCode).toBe(400);

    const huge = Buffer.concat([sampleFiles.png, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await uploadAttachment(t, `${url}/attachments`, cookie, { fileName: 'big.png', content: huge });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().errors[0].code).toBe('attachment.file_too_large');

    const json = await t.app.inject({
      method: 'POST',
      url: `${url}/attachments`,
      headers: { cookie },
      payload: { file: sampleFiles.png.toString('base64') },
    });
    expect(json.statusCode).toBe(415);
    const nothing = multipartBody([{ name: 'role', value: 'photo' }]);
    const empty = await t.app.inject({
      method: 'POST',
      url: `${url}/attachments`,
      headers: { cookie, 'content-type': nothing.contentType },
      payload: nothing.payload,
    });
    expect(empty.json().errors[0].code).toBe('attachment.file_missing');
    const two = multipartBody([
      { name: 'file', fileName: 'a.png', type: 'image/png', content: sampleFiles.png },
      { name: 'file', fileName: 'b.png', type: 'image/png', content: sampleFiles.png },
    ]);
    const twoFiles = await t.app.inject({
      method: 'POST',
      url: `${url}/attachments`,
      headers: { cookie, 'content-type': two.contentType },
      payload: two.payload,
    });
    expect(twoFiles.statusCode).toBe(400);
    expect(await stored(caseId)).toBe(0);

    // Exactly 10 MB is still fine.
    const atLimit = Buffer.concat([sampleFiles.png, Buffer.alloc(10 * 1024 * 1024 - sampleFiles.png.length)]);
    const largest = await uploadAttachment(t, `${url}/attachments`, cookie, { fileName: 'max.png', content: atLimit });
    expect(largest.statusCode, largest.body).toBe(201);
    expect(largest.json().sizeBytes).toBe(10 * 1024 * 1024);
    for (let i = 1; i < 10; i++)
      expect(
        (await uploadAttachment(t, `${url}/attachments`, cookie, { fileName: `${i}.png`, content: sampleFiles.png }))
          .statusCode,
      ).toBe(201);
    const eleventh = await uploadAttachment(t, `${url}/attachments`, cookie, {
      fileName: '11.png',
      content: sampleFiles.png,
    });
    expect(eleventh.statusCode).toBe(400);
    expect(eleventh.json().errors[0]).toMatchObject({ code: 'attachment.too_many' });
    expect(eleventh.json().errors[0].messages.ja).toContain('10件まで');
    expect(await stored(caseId)).toBe(10);
  });

  it('lets only those who may change the case add or remove files', async () => {
    const { org, cookie: admin } = await createOrgWithAdmin(t);
    const reporter = await createMember(t, { orgId: org.id });
    const reporterCookie = await logIn(t, reporter.user.email);
    const colleague = await logIn(t, (await createMember(t, { orgId: org.id })).user.email);
    const url = await draftOf(org.id, reporterCookie);
    const file = { fileName: 'a.png', content: sampleFiles.png };
    const first = (await uploadAttachment(t, `${url}/attachments`, reporterCookie, file)).json().id as string;

    // A colleague outside the team does not even see the draft.
    expect((await uploadAttachment(t, `${url}/attachments`, colleague, file)).statusCode).toBe(404);
    const notTheirs = await t.app.inject({
      method: 'DELETE',
      url: `${url}/attachments/${first}`,
      headers: { cookie: colleague },
    });
    expect(notTheirs.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `${url}/attachments/${first}`, headers: { cookie: colleague } }))
        .statusCode,
    ).toBe(404);

    const submitted = await t.app.inject({
      method: 'POST',
      url: `${url}/review`,
      headers: { cookie: reporterCookie },
      payload: { action: 'submit' },
    });
    expect(submitted.statusCode).toBe(200);
    const locked = await uploadAttachment(t, `${url}/attachments`, reporterCookie, file);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('case_locked');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `${url}/attachments/${first}`,
          headers: { cookie: reporterCookie },
        })
      ).statusCode,
    ).toBe(409);
    // Administrators may change a case at any time, its files too.
    expect((await uploadAttachment(t, `${url}/attachments`, admin, file)).statusCode).toBe(201);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${url}/attachments/${first}`,
      headers: { cookie: admin },
    });
    expect(removed.statusCode).toBe(204);
  });
});

describe('attachments across organisations and without login', () => {
  it('are read outside only from published shared cases whose files are not internal', async () => {
    const a = await createOrgWithAdmin(t, { name: 'A市' });
    const b = await createOrgWithAdmin(t, { name: 'B町' });
    const attachTo = async (caseId: string) => {
      const response = await uploadAttachment(t, `/api/orgs/${a.org.id}/cases/${caseId}/attachments`, a.cookie, {
        fileName: '改善後.png',
        content: sampleFiles.png,
        role: 'after',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const shared = await publishCase(t, a.org.id, a.cookie, { ...draftCase, sharing: 'network' });
    const internal = await publishCase(t, a.org.id, a.cookie, {
      ...draftCase,
      sharing: 'public',
      internalFields: ['attachments'],
    });
    const open = await publishCase(t, a.org.id, a.cookie, { ...draftCase, sharing: 'public' });
    const privateOne = await publishCase(t, a.org.id, a.cookie, { ...draftCase, sharing: 'org' });
    const files = {
      shared: await attachTo(shared),
      internal: await attachTo(internal),
      open: await attachTo(open),
      privateOne: await attachTo(privateOne),
    };
    const asB = (caseId: string, attachmentId: string, method: 'GET' | 'DELETE' = 'GET') =>
      t.app.inject({
        method,
        url: `/api/orgs/${b.org.id}/cases/${caseId}/attachments/${attachmentId}`,
        headers: { cookie: b.cookie },
      });
    const anonymous = (caseId: string, attachmentId: string) =>
      t.app.inject({ method: 'GET', url: `/api/public/cases/${caseId}/attachments/${attachmentId}` });

    expect((await asB(shared, files.shared)).statusCode).toBe(200);
    expect((await asB(open, files.open)).statusCode).toBe(200);
    expect((await asB(internal, files.internal)).statusCode).toBe(404);
    expect((await asB(privateOne, files.privateOne)).statusCode).toBe(404);
    // An attachment id under another case is not found either.
    expect((await asB(shared, files.open)).statusCode).toBe(404);
    const internalCopy = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${b.org.id}/cases/${internal}`,
      headers: { cookie: b.cookie },
    });
    expect(internalCopy.json().attachments).toBeNull();
    // B can neither add to nor remove from A's case, through either organisation's routes.
    expect((await asB(shared, files.shared, 'DELETE')).statusCode).toBe(404);
    const viaA = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${a.org.id}/cases/${shared}/attachments/${files.shared}`,
      headers: { cookie: b.cookie },
    });
    expect(viaA.statusCode).toBe(404);
    const file = { fileName: 'x.png', content: sampleFiles.png };
    expect(
      (await uploadAttachment(t, `/api/orgs/${b.org.id}/cases/${shared}/attachments`, b.cookie, file)).statusCode,
    ).toBe(404);
    expect(
      (await uploadAttachment(t, `/api/orgs/${a.org.id}/cases/${shared}/attachments`, b.cookie, file)).statusCode,
    ).toBe(404);

    const publicFile = await anonymous(open, files.open);
    expect(publicFile.statusCode).toBe(200);
    expect(publicFile.headers['content-type']).toBe('image/png');
    for (const [caseId, attachmentId] of [
      [internal, files.internal],
      [shared, files.shared],
      [privateOne, files.privateOne],
    ] as const)
      expect((await anonymous(caseId, attachmentId)).statusCode).toBe(404);
    expect(await stored(shared)).toBe(1);
  });
});

describe('photos of public cases without login', () => {
  it('serves a public published case’s image to anyone, with the same safe headers, and nothing of a public case not yet published', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const attach = async (caseId: string) => {
      const response = await uploadAttachment(t, `/api/orgs/${org.id}/cases/${caseId}/attachments`, cookie, {
        fileName: '改善後の窓口.png',
        content: sampleFiles.png,
        role: 'after',
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const anonymous = (caseId: string, attachmentId: string) =>
      t.app.inject({ method: 'GET', url: `/api/public/cases/${caseId}/attachments/${attachmentId}` });

    const published = await publishCase(t, org.id, cookie, { ...draftCase, sharing: 'public' });
    const photo = await attach(published);
    const served = await anonymous(published, photo);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toMatch(/^inline; /);
    expect(served.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('改善後の窓口.png')}`,
    );
    expect(served.rawPayload.equals(sampleFiles.png)).toBe(true);
    // The case's public page lists the photo under the address it is served from.
    const detail = await t.app.inject({ method: 'GET', url: `/api/public/cases/${published}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().attachments).toMatchObject([{ id: photo, role: 'after', mediaType: 'image/png' }]);

    // Marked public but still a draft, or submitted and waiting for review: not there without login.
    const draftUrl = await draftOf(org.id, cookie, { sharing: 'public' });
    const draftId = draftUrl.split('/').at(-1) as string;
    const draftPhoto = await attach(draftId);
    const submittedUrl = await draftOf(org.id, cookie, { sharing: 'public' });
    const submittedId = submittedUrl.split('/').at(-1) as string;
    const submittedPhoto = await attach(submittedId);
    const submit = await t.app.inject({
      method: 'POST',
      url: `${submittedUrl}/review`,
      headers: { cookie },
      payload: { action: 'submit' },
    });
    expect(submit.statusCode, submit.body).toBe(200);
    for (const [caseId, attachmentId] of [
      [draftId, draftPhoto],
      [submittedId, submittedPhoto],
      // A published public case does not lend its address to another case's file.
      [published, draftPhoto],
    ] as const) {
      const response = await anonymous(caseId, attachmentId);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).not.toBe('image/png');
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/public/cases/${draftId}` })).statusCode).toBe(404);
  });
});
