import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { failedDeliveriesFor } from './index.js';
import { enqueueMail } from './outbox.js';
import { deliverPending, isPermanentRefusal, type MailTransport } from './sender.js';

/** An error as nodemailer's SMTP transport throws it when the server answers with a code. */
function smtpError(responseCode: number, response: string) {
  return Object.assign(new Error(`Can't send mail - all recipients were rejected: ${response}`), { code: 'EENVELOPE', responseCode, response });
}

describe(`refused mails on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
  });
  afterAll(async () => test?.close());
  beforeEach(async () => {
    await test.database.db.deleteFrom('mail_outbox').execute();
  });

  const db = () => test.database.db;
  const queue = (to: string) => enqueueMail(db(), { kind: 'registration.confirmation', to, subject: 'Anmeldung bestätigt', text: 'Hallo' });
  const row = (id: number) => db().selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const now = new Date('2030-01-01T10:00:00Z');

  it('treats a permanent refusal (5xx) as final at once, with the server’s reply', async () => {
    const id = await queue('Niemand@Verein.example');
    await db().updateTable('mail_outbox').set({ next_attempt_at: now }).where('id', '=', id).execute();
    const refusing: MailTransport = { sendMail: async () => { throw smtpError(550, '550 5.1.1 <niemand@verein.example>: User unknown'); } };
    expect(await deliverPending(db(), refusing, { now })).toMatchObject({ failed: 1, retried: 0 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: '550 5.1.1 <niemand@verein.example>: User unknown' });
    // never tried again
    expect(await deliverPending(db(), refusing, { now: new Date(now.getTime() + 24 * 3600_000) })).toMatchObject({ failed: 0, retried: 0 });
    expect((await row(id)).attempts).toBe(1);
    expect(await failedDeliveriesFor(db(), ' niemand@verein.EXAMPLE ')).toEqual([expect.objectContaining({ id, kind: 'registration.confirmation', last_error: expect.stringContaining('User unknown') })]);
    expect(await failedDeliveriesFor(db(), 'other@verein.example')).toEqual([]);
  });

  it('keeps retrying a temporary refusal (4xx) with back-off', async () => {
    const id = await queue('busy@verein.example');
    await db().updateTable('mail_outbox').set({ next_attempt_at: now }).where('id', '=', id).execute();
    const busy: MailTransport = { sendMail: async () => { throw smtpError(421, '421 4.7.0 Try again later'); } };
    expect(await deliverPending(db(), busy, { now })).toMatchObject({ failed: 0, retried: 1 });
    const mail = await row(id);
    expect(mail).toMatchObject({ status: 'queued', attempts: 1, last_error: '421 4.7.0 Try again later' });
    expect(new Date(mail.next_attempt_at).getTime() - now.getTime()).toBe(60_000);
    expect([isPermanentRefusal(smtpError(554, 'x')), isPermanentRefusal(smtpError(450, 'x')), isPermanentRefusal(new Error('ECONNREFUSED'))]).toEqual([true, false, false]);
  });

  it('sends Auto-Submitted and the centre’s Reply-To with every mail', async () => {
    await queue('a@verein.example');
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const raw: string[] = [];
    const recording: MailTransport = { sendMail: async (message) => raw.push(String(((await transport.sendMail(message)) as { message: Buffer }).message)) };
    expect(await deliverPending(db(), recording, { replyTo: 'kontakt@zentrum.example' })).toMatchObject({ sent: 1 });
    expect(raw[0]).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
    expect(raw[0]).toMatch(/^Reply-To: kontakt@zentrum\.example\r?$/m);
  });

  it('tells staff on the outbox page how many mails failed, and shows the reply', async () => {
    const id = await queue('niemand@verein.example');
    await db().updateTable('mail_outbox').set({ status: 'failed', last_error: '550 5.1.1 User unknown' }).where('id', '=', id).execute();
    const page = await test.app.inject({ method: 'GET', url: '/outbox', headers: { cookie: staff.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-failed-mails="1"');
    expect(page.body).toContain('1 E-Mail konnte nicht zugestellt werden');
    expect(page.body).toContain('href="/outbox?status=failed"');
    expect(page.body).toContain('550 5.1.1 User unknown');
    const detail = await test.app.inject({ method: 'GET', url: `/outbox/${id}`, headers: { cookie: staff.cookie } });
    expect(detail.body).toContain('550 5.1.1 User unknown');
    expect(detail.body).toContain('fehlgeschlagen');
  });
});
