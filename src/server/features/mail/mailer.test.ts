import { eq } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { jobs } from '../../db/schema/jobs.js';
import { JobWorker, maxAttempts } from '../../lib/jobs.js';
import { createMailer, mailJobHandlers } from './mailer.js';

// The SMTP server is the edge of the world: nodemailer's JSON transport stands in for it.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function contextFor(tx = t.database.db) {
  return { db: tx, actor: null, ip: null, now: t.clock.now };
}

describe('mailer', () => {
  it('sends through SMTP after the transaction and marks the mail sent', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: string[] = [];
    const sentTexts: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: SendMailOptions) => {
      sent.push(String(mail.to));
      sentTexts.push(String(mail.text));
      return original(mail);
    }) as typeof transport.sendMail;
    const mailer = createMailer({
      db: t.database.db,
      transport,
      from: 'test@kaizen.test',
      publicUrl: 'http://kaizen.test',
      now: t.clock.now,
    });
    const id = await t.database.db.transaction((tx) =>
      mailer.queue(contextFor(tx), {
        orgId: null,
        to: 'smtp-reader@example.jp',
        subject: '件名',
        text: '本文 http://kaizen.test/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-',
      }),
    );
    const [pending] = await t.mailsTo('smtp-reader@example.jp');
    expect(pending?.status).toBe('pending');
    await mailer.deliver([id]);
    const [done] = await t.mailsTo('smtp-reader@example.jp');
    expect(done?.status).toBe('sent');
    expect(done?.text).toBe('本文 http://kaizen.test/invite/••••••');
    expect(sent).toEqual(['smtp-reader@example.jp']);
    expect(sentTexts[0]).toContain('/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-');
  });

  it('retries a mail SMTP refused, and after the last attempt keeps no working link', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    let refuse = true;
    const delivered: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: SendMailOptions) => {
      if (refuse) throw new Error('connection refused');
      delivered.push(String(mail.to));
      return original(mail);
    }) as typeof transport.sendMail;
    const mailer = createMailer({
      db: t.database.db,
      transport,
      from: 'test@kaizen.test',
      publicUrl: 'http://kaizen.test',
      now: t.clock.now,
    });
    const worker = () =>
      new JobWorker(t.database.db, mailJobHandlers(mailer), t.clock.now, { leaseSeconds: 60, pollMs: 60_000 });
    const link = 'http://kaizen.test/reset-password/SeCrEtToKeN0123456789abcdefghijklmn';
    const queue = (to: string) =>
      t.database.db.transaction((tx) =>
        mailer.queue(contextFor(tx), { orgId: null, to, subject: '件名', text: `本文 ${link}` }),
      );

    // Refused right after the commit: still pending, with the error, and its job retries it.
    const flaky = await queue('flaky@example.jp');
    await mailer.deliver([flaky]);
    expect((await t.mailsTo('flaky@example.jp'))[0]).toMatchObject({ status: 'pending', error: 'connection refused' });
    refuse = false;
    t.clock.advance(3 * 60_000);
    await worker().runDue();
    expect((await t.mailsTo('flaky@example.jp'))[0]).toMatchObject({
      status: 'sent',
      text: '本文 http://kaizen.test/reset-password/••••••',
    });
    expect(delivered).toEqual(['flaky@example.jp']);

    // Refused every time: given up after the last attempt, marked failed, its link removed.
    refuse = true;
    const down = await queue('down@example.jp');
    await mailer.deliver([down]);
    for (let i = 0; i < 8; i++) {
      t.clock.advance(40 * 60_000);
      await worker().runDue();
    }
    const [failed] = await t.mailsTo('down@example.jp');
    expect(failed).toMatchObject({ status: 'failed', error: 'connection refused' });
    expect(failed?.text).toBe('本文 http://kaizen.test/reset-password/••••••');
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `mail:${down}`));
    expect(job).toMatchObject({ outcome: 'done', attempts: maxAttempts });
  });

  it('sends a mail once when the attempt after the commit succeeded, the job finding nothing to do', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const delivered: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: SendMailOptions) => {
      delivered.push(String(mail.to));
      return original(mail);
    }) as typeof transport.sendMail;
    const mailer = createMailer({
      db: t.database.db,
      transport,
      from: 'x',
      publicUrl: 'http://kaizen.test',
      now: t.clock.now,
    });
    const id = await t.database.db.transaction((tx) =>
      mailer.queue(contextFor(tx), { orgId: null, to: 'once@example.jp', subject: '件名', text: '本文' }),
    );
    await mailer.deliver([id]);
    t.clock.advance(3 * 60_000);
    await new JobWorker(t.database.db, mailJobHandlers(mailer), t.clock.now).runDue();
    expect(delivered).toEqual(['once@example.jp']);
  });

  it('keeps mails in the outbox when there is no SMTP server', async () => {
    const mailer = createMailer({
      db: t.database.db,
      transport: null,
      from: 'x',
      publicUrl: 'http://kaizen.test',
      now: t.clock.now,
    });
    const id = await mailer.queue(contextFor(), { orgId: null, to: 'kept@example.jp', subject: '件名', text: '本文' });
    await mailer.deliver([id]);
    const [kept] = await t.mailsTo('kept@example.jp');
    expect(kept?.status).toBe('stored');
  });
});
