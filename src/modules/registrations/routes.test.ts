import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesOf, createTestApp, csrfFrom, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { event as makeEvent } from '../../../test/factories.js';

describe(`registration pages on ${testEngine}`, () => {
  let test: TestApp;
  let eventId: number;
  beforeAll(async () => {
    test = await createTestApp();
    const event = await makeEvent(test.database.db, { eventKey: 'R1', title: 'Regionales Netzwerktreffen Nord', format: 'regional_network_meeting', startDate: '2030-09-12', startsAt: '17:30', place: 'Bürgerhaus Nord', organizer: 'centre', capacity: 1, perOrgLimit: 2 });
    eventId = event.id;
  });
  afterAll(async () => test?.close());

  async function visit(url: string) {
    const page = await test.app.inject({ method: 'GET', url });
    return { page, cookie: cookiesOf(page), csrf: csrfFrom(page.body) };
  }

  async function register(payload: Record<string, string>, lang = 'de') {
    const { cookie, csrf } = await visit(`/events/${eventId}/register?lang=${lang}`);
    return test.app.inject({ method: 'POST', url: `/events/${eventId}/register`, headers: { cookie }, payload: { _csrf: csrf, ...payload } });
  }

  it('shows the form of an event without an account, in German and English', async () => {
    const german = await test.app.inject({ method: 'GET', url: `/events/${eventId}/register` });
    expect(german.statusCode).toBe(200);
    expect(german.body).toContain('Anmeldung: Regionales Netzwerktreffen Nord');
    expect(german.body).toContain('Bürgerhaus Nord');
    expect(german.body).toContain('name="person_2"');
    const english = await test.app.inject({ method: 'GET', url: `/events/${eventId}/register?lang=en` });
    expect(english.body).toContain('Registration: Regionales Netzwerktreffen Nord');
    expect((await test.app.inject({ method: 'GET', url: '/events/999999/register' })).statusCode).toBe(404);
  });

  it('refuses a form without CSRF token or with a wrong address, naming the field', async () => {
    const { cookie } = await visit(`/events/${eventId}/register`);
    const withoutToken = await test.app.inject({ method: 'POST', url: `/events/${eventId}/register`, headers: { cookie }, payload: { email: 'a@b.example', person_0: 'X' } });
    expect(withoutToken.statusCode).toBe(403);
    const wrong = await register({ email: 'kein-at', person_0: 'Ayşe' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#email"');
    expect(wrong.body).toContain('keine gültige E-Mail-Adresse');
    expect(wrong.body).toContain('value="Ayşe"'); // what was typed stays
    const english = await register({ email: 'a@b.example', person_0: '' }, 'en');
    expect(english.body).toContain('href="#person_0"');
    expect(english.body).toContain('Please enter the name of person 1');
  });

  it('registers, puts the next on the waitlist, and promotes them when the first cancels', async () => {
    const first = await register({ organisation: 'Elternverein Nord e.V.', email: 'eltern@verein.example', person_0: 'Ayşe Yılmaz' });
    expect(first.statusCode).toBe(303);
    const firstPage = String(first.headers.location);
    expect(firstPage).toMatch(/^\/registrations\/[A-Za-z0-9_-]+\?registered=1$/);
    const second = await register({ organisation: 'Sportverein Süd', email: 'sport@verein.example', person_0: 'Boris Iwanow' });
    const secondPage = String(second.headers.location).split('?')[0];

    const view = await visit(firstPage);
    expect(view.page.body).toContain('Vielen Dank! Sie sind angemeldet');
    // where they stand, when and where, and the calendar file
    expect(view.page.body).toContain('Donnerstag, 12. September 2030, 17:30');
    expect(view.page.body).toContain('Bürgerhaus Nord');
    expect(view.page.body).toContain(`href="/calendar/${eventId}.ics"`);
    expect(view.page.body).toContain('angemeldet');
    expect(view.page.headers['referrer-policy']).toBe('no-referrer');
    const waiting = (await visit(`${secondPage}?registered=1`)).page.body;
    expect(waiting).toContain('Sie sind noch nicht angemeldet');
    expect(waiting).toContain('auf der Warteliste (Platz 1)');
    expect(waiting).not.toContain('Vielen Dank! Sie sind angemeldet');

    const id = /name="cancel" value="(\d+)"/.exec(view.page.body)![1];
    const nothing = await test.app.inject({ method: 'POST', url: firstPage.split('?')[0], headers: { cookie: view.cookie }, payload: { _csrf: view.csrf } });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('mindestens eine Person');
    const cancel = await test.app.inject({ method: 'POST', url: firstPage.split('?')[0], headers: { cookie: view.cookie }, payload: { _csrf: view.csrf, cancel: id } });
    expect(cancel.statusCode).toBe(303);
    expect((await visit(String(cancel.headers.location))).page.body).toContain('abgemeldet');
    expect((await visit(secondPage)).page.body).toContain('nachgerückt');

    const mails = await test.database.db.selectFrom('mail_outbox').select(['kind', 'to_address']).where('event_id', '=', eventId).orderBy('id').execute();
    expect(mails).toEqual([
      { kind: 'registration.confirmation', to_address: 'eltern@verein.example' },
      { kind: 'registration.waitlist', to_address: 'sport@verein.example' },
      { kind: 'registration.cancellation', to_address: 'eltern@verein.example' },
      { kind: 'registration.promotion', to_address: 'sport@verein.example' },
    ]);
  });

  it('flags every empty required field of an empty form, not an invalid e-mail „“', async () => {
    const empty = await register({ organisation: '', email: '', person_0: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#email"');
    expect(empty.body).toContain('href="#person_0"');
    expect(empty.body).toContain('Bitte geben Sie eine E-Mail-Adresse an');
    expect(empty.body).toContain('Bitte geben Sie den Namen von Person 1 an');
    expect(empty.body).not.toContain('keine gültige E-Mail-Adresse');
    for (const [lang, text] of [['en', 'Please enter an e-mail address'], ['tr', 'Lütfen bir e-posta adresi girin'], ['ar', 'يرجى إدخال عنوان بريد إلكتروني'], ['ru', 'укажите адрес электронной почты'], ['uk', 'вкажіть адресу електронної пошти']]) {
      expect((await register({ email: '', person_0: '' }, lang)).body).toContain(text);
    }
  });

  it('confirms in the registrant\'s language: the day, the place, the calendar link, and a manage link that keeps the language', async () => {
    const event = await makeEvent(test.database.db, { eventKey: 'R2', title: 'Sprechstunde Vereinsrecht', format: 'regional_network_meeting', startDate: '2030-10-01', startsAt: '10:00', endsAt: '12:00', place: 'Rathaus Mitte', organizer: 'centre', capacity: 10 });
    const { cookie, csrf } = await visit(`/events/${event.id}/register?lang=ar`);
    const posted = await test.app.inject({ method: 'POST', url: `/events/${event.id}/register`, headers: { cookie }, payload: { _csrf: csrf, email: 'leila@verein.example', person_0: 'Leila Haddad' } });
    expect(posted.statusCode).toBe(303);
    const page = (await test.app.inject({ method: 'GET', url: String(posted.headers.location), headers: { cookie } })).body;
    expect(page).toContain('شكراً لك! أنت مسجَّل');
    expect(page).toContain(new Intl.DateTimeFormat('ar', { dateStyle: 'full', timeZone: 'Europe/Berlin' }).format(new Date('2030-10-01T12:00:00Z')));
    expect(page).toContain('10:00–12:00');
    expect(page).toContain('Rathaus Mitte');
    const mail = await test.database.db.selectFrom('mail_outbox').select('text_body').where('event_id', '=', event.id).executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(`/calendar/${event.id}.ics`);
    expect(mail.text_body).toContain('10:00–12:00');
    const link = /https?:\/\/\S+\/registrations\/[A-Za-z0-9_-]+\?lang=ar/.exec(mail.text_body)?.[0];
    expect(link).toBeDefined();
    // opened in a German browser without the language cookie: still Arabic
    const opened = await test.app.inject({ method: 'GET', url: new URL(link!).pathname + new URL(link!).search, headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('lang="ar"');
    expect(opened.body).toContain('Leila Haddad');
  });

  it('answers an unknown manage link with "not found"', async () => {
    expect((await test.app.inject({ method: 'GET', url: `/registrations/${'a'.repeat(32)}` })).statusCode).toBe(404);
    expect((await test.app.inject({ method: 'GET', url: '/registrations/1' })).statusCode).toBe(404);
  });
});
