import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { event as makeEvent } from '../../../test/factories.js';
import { registerForEvent } from '../registrations/index.js';
import { enqueueMail } from './outbox.js';

describe(`the outbox page on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('admin');
  });
  afterAll(async () => test?.close());

  const get = (url: string, session: SignedIn = staff) => test.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });

  it('lists the mails of a registration, newest first, and shows one with its text', async () => {
    const event = await makeEvent(test.database.db, { eventKey: 'O1', title: 'Landesnetzwerktreffen', format: 'state_network_meeting', startDate: '2030-03-03', organizer: 'centre', capacity: 1 });
    const register = (email: string, name: string) =>
      registerForEvent(test.database.db, { eventId: event.id, organisationName: 'Elternverein', contactEmail: email, language: 'de', persons: [{ name }] }, { baseUrl: 'https://mosaik.example' });
    const first = await register('eltern@verein.example', 'Ayşe Yılmaz');
    await register('zweite@verein.example', 'Boris Iwanow');

    const page = await get('/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Postausgang');
    const kinds = [...page.body.matchAll(/data-kind="([^"]+)"/g)].map((match) => match[1]);
    expect(kinds).toEqual(['registration.waitlist', 'registration.confirmation']);
    expect(page.body).toContain('eltern@verein.example');
    expect(page.body).toContain('Anmeldung bestätigt: Landesnetzwerktreffen');
    expect(page.body).toContain('wartet auf Versand');

    const id = /href="\/outbox\/(\d+)">Anmeldung bestätigt/.exec(page.body)![1];
    const mail = await get(`/outbox/${id}`);
    expect(mail.statusCode).toBe(200);
    expect(mail.headers['referrer-policy']).toBe('no-referrer');
    // the manage link is the registrant's alone: staff see that there was one, not the token
    expect(mail.body).not.toContain(first.manageToken);
    expect(mail.body).toContain('https://mosaik.example/registrations/[entfernt / removed]');
    expect(mail.body).toContain('Ayşe Yılmaz');
    expect((await get('/outbox/999999')).statusCode).toBe(404);
    expect((await get('/outbox/abc')).statusCode).toBe(404);
  });

  it('filters by status and escapes whatever a mail contains', async () => {
    const id = await enqueueMail(test.database.db, { kind: 'test', to: 'x@example.org', subject: '<script>alert(1)</script>', text: 'Zeile 1\n<b>fett</b>' });
    await test.database.db.updateTable('mail_outbox').set({ status: 'failed', attempts: 8, last_error: '<i>connection refused</i>' }).where('id', '=', id).execute();
    const failed = await get('/outbox?status=failed');
    expect(failed.body.match(/data-kind=/g)).toHaveLength(1);
    expect(failed.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(failed.body).not.toContain('<script>alert(1)');
    expect(failed.body).toContain('&lt;i>connection refused&lt;/i>');
    expect(failed.body).toContain('fehlgeschlagen');
    const mail = await get(`/outbox/${id}?lang=en`);
    expect(mail.body).toContain('&lt;b>fett&lt;/b>');
    expect(mail.body).toContain('Back to the outbox');
    expect((await get('/outbox?status=sent')).body).toContain('Keine E-Mails mit diesem Status.');
  });

  it('is for centre staff only: mails name persons', async () => {
    const coordinator = await test.signIn('coordinator');
    expect((await get('/outbox', coordinator)).statusCode).toBe(403);
    const anonymous = await test.app.inject({ method: 'GET', url: '/outbox' });
    expect(anonymous.statusCode).toBe(303);
    expect((await get('/outbox', await test.signIn('staff'))).statusCode).toBe(200);
  });
});
