import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { event as makeEvent } from '../../../test/factories.js';
import { registerForEvent } from '../registrations/index.js';
import { enqueueMail, listOutbox } from './outbox.js';
import { createMailTransport, deliverPending, retryDelayMs, type MailTransport } from './sender.js';

const minute = 60_000;

describe(`mail outbox on ${testEngine}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 4 });
  });
  afterAll(async () => {
    await database?.db.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.deleteFrom('mail_outbox').execute();
  });

  const queue = (to = 'a@verein.example') => enqueueMail(database.db, { kind: 'test', to, subject: 'Betreff', text: 'Hallo' });
  const row = (id: number) => database.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('commits a mail with the registration that causes it, and rolls it back with it', async () => {
    const event = await makeEvent(database.db, { eventKey: 'M1', title: 'Treffen', format: 'other', startDate: '2030-01-01', organizer: 'centre', capacity: 5 });
    await registerForEvent(database.db, { eventId: event.id, contactEmail: 'k@verein.example', language: 'de', persons: [{ name: 'Anna' }] }, { baseUrl: 'https://m.example' });
    expect((await listOutbox(database.db, { eventId: event.id })).map((mail) => [mail.kind, mail.status])).toEqual([['registration.confirmation', 'queued']]);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, { kind: 'test', to: 'b@verein.example', subject: 'x', text: 'x', eventId: event.id });
        throw new Error('the registration failed');
      }),
    ).rejects.toThrow('the registration failed');
    expect(await listOutbox(database.db, { eventId: event.id })).toHaveLength(1);
  });

  it('retries with exponential back-off while the mail server fails, then sends', async () => {
    const id = await queue();
    const failing: MailTransport = { sendMail: async () => { throw new Error('connect ECONNREFUSED'); } };
    const start = new Date('2030-01-01T10:00:00Z');
    await database.db.updateTable('mail_outbox').set({ next_attempt_at: start }).where('id', '=', id).execute();

    expect(await deliverPending(database.db, failing, { now: start })).toMatchObject({ retried: 1, sent: 0 });
    let mail = await row(id);
    expect(mail).toMatchObject({ status: 'queued', attempts: 1, last_error: 'connect ECONNREFUSED' });
    expect(new Date(mail.next_attempt_at).getTime() - start.getTime()).toBe(1 * minute);
    // not due yet: nothing is tried
    expect(await deliverPending(database.db, failing, { now: new Date(start.getTime() + 30_000) })).toMatchObject({ retried: 0 });
    const second = new Date(start.getTime() + minute);
    await deliverPending(database.db, failing, { now: second });
    mail = await row(id);
    expect(mail.attempts).toBe(2);
    expect(new Date(mail.next_attempt_at).getTime() - second.getTime()).toBe(2 * minute);

    const sent: unknown[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const recording: MailTransport = { sendMail: async (message) => sent.push(JSON.parse((await transport.sendMail(message)).message)) };
    expect(await deliverPending(database.db, recording, { now: new Date(second.getTime() + 2 * minute), from: 'Zentrum <z@mosaik.example>' })).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(sent).toEqual([expect.objectContaining({ subject: 'Betreff', text: 'Hallo', to: [{ address: 'a@verein.example', name: '' }] })]);
    // sent once only
    expect(await deliverPending(database.db, recording, { now: new Date(second.getTime() + 60 * minute) })).toMatchObject({ sent: 0 });
  });

  it('gives up after the last attempt and marks the mail failed', async () => {
    const id = await queue();
    const failing: MailTransport = { sendMail: async () => { throw new Error('550 mailbox unavailable'); } };
    let now = new Date('2030-01-01T10:00:00Z');
    await database.db.updateTable('mail_outbox').set({ next_attempt_at: now }).where('id', '=', id).execute();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverPending(database.db, failing, { now, maxAttempts: 3 });
      now = new Date(now.getTime() + retryDelayMs(attempt));
    }
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3, last_error: '550 mailbox unavailable' });
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([minute, 2 * minute, 4 * minute, 6 * 60 * minute]);
  });

  it('keeps mails in the outbox when no mail server is configured', async () => {
    const id = await queue();
    expect(createMailTransport({ MOSAIK_SMTP_URL: undefined })).toBeNull();
    expect(await deliverPending(database.db, null)).toMatchObject({ keptInOutbox: 1 });
    expect((await row(id)).status).toBe('outbox_only');
  });

  it('never sends a mail twice when two senders run at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => queue(`p${i}@verein.example`)));
    const sent: string[] = [];
    const slow: MailTransport = { sendMail: async (message) => { await new Promise((resolve) => setTimeout(resolve, 5)); sent.push(message.to); } };
    const results = await Promise.all([deliverPending(database.db, slow, { limit: 15 }), deliverPending(database.db, slow, { limit: 15 })]);
    await deliverPending(database.db, slow);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBeGreaterThanOrEqual(15);
    expect(sent.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `p${i}@verein.example`).sort());
  });
});
