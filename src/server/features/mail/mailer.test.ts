import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createMailer } from './mailer.js';

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

  it('records a failed delivery instead of losing the mail', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    transport.sendMail = (async () => {
      throw new Error('connection refused');
    }) as typeof transport.sendMail;
    const mailer = createMailer({
      db: t.database.db,
      transport,
      from: 'test@kaizen.test',
      publicUrl: 'http://kaizen.test',
      now: t.clock.now,
    });
    const id = await mailer.queue(contextFor(), { orgId: null, to: 'down@example.jp', subject: '件名', text: '本文' });
    await mailer.deliver([id]);
    const [failed] = await t.mailsTo('down@example.jp');
    expect(failed).toMatchObject({ status: 'failed', error: 'connection refused' });
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
