import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { event as makeEvent } from '../../../test/factories.js';
import { resolveOrganisationName } from '../organisations/index.js';
import { registerForEvent } from './registration.js';

describe(`staff registration, sign-in sheet and check-in pages on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  let eventCount = 0;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
  });
  afterAll(async () => test?.close());

  async function createEvent(values: { capacity?: number; per_org_limit?: number; start_date?: string } = {}) {
    const event = await makeEvent(test.database.db, { eventKey: `C${++eventCount}`, title: `Netzwerktreffen ${eventCount}`, format: 'regional_network_meeting', startDate: values.start_date ?? '2030-05-06', startsAt: '17:00', place: 'Bürgerhaus', organizer: 'centre', capacity: values.capacity ?? 10, perOrgLimit: values.per_org_limit ?? 2 });
    return event.id;
  }

  const register = (eventId: number, organisationName: string | null, names: string[]) =>
    registerForEvent(test.database.db, { eventId, organisationName, contactEmail: 'kontakt@verein.example', language: 'de', persons: names.map((name) => ({ name })) }, { baseUrl: 'https://mosaik.example' });

  const get = (url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
  const post = (url: string, payload: Record<string, string>) => test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, ...payload } });
  const statusOf = async (id: number) => (await test.database.db.selectFrom('registration').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('lists registrations with organisation, status and waitlist place, filtered by status', async () => {
    const eventId = await createEvent({ capacity: 1 });
    await register(eventId, 'Elternverein Nord', ['Ayşe Yılmaz']);
    await register(eventId, 'Sportverein Süd', ['Boris Iwanow', 'Clara Weiß']);
    const page = await get(`/events/${eventId}/registrations`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Anmeldungen: Netzwerktreffen');
    expect(page.body).toContain('Elternverein Nord');
    // one row of the KERN table (src/ui/table.tsx): each cell's value in its wrapper
    const row = /<tr[^>]*data-registration="\d+"[^>]*>(?:(?!<\/tr>).)*Clara Weiß(?:(?!<\/tr>).)*<\/tr>/s.exec(page.body)?.[0] ?? '';
    const cells = [...row.matchAll(/<(?:td|th)[^>]*data-label="([^"]+)"[^>]*><div class="mosaik-table__value">(.*?)<\/div><\/(?:td|th)>/g)].map((match) => [match[1], match[2]]);
    expect(cells.slice(0, 3)).toEqual([['Person', 'Clara Weiß'], ['Organisation', 'Sportverein Süd'], ['Status', 'auf der Warteliste']]);
    expect(cells[4]).toEqual(['Platz auf der Warteliste', '2']);
    const waiting = await get(`/events/${eventId}/registrations?status=waitlisted`);
    expect(waiting.body).toContain('Boris Iwanow');
    expect(waiting.body).not.toContain('Ayşe Yılmaz');
    expect((await get('/events/999999/registrations')).statusCode).toBe(404);
  });

  it('warns staff on the list when a mail server refused a registration’s confirmation for good', async () => {
    const eventId = await createEvent();
    const db = test.database.db;
    const refused = await registerForEvent(db, { eventId, organisationName: 'Elternverein Ost', contactEmail: 'Niemand@Verein.example', language: 'de', persons: [{ name: 'Nora Brandt' }] }, { baseUrl: 'https://mosaik.example' });
    const delivered = await register(eventId, 'Sportverein Süd', ['Olga Petrowa']);
    const before = await get(`/events/${eventId}/registrations`);
    expect(before.body).not.toContain('data-mail-refused');
    // as the sender leaves a mail after a 5xx answer (src/modules/mail/sender.ts): failed, with the server's reply
    await db.updateTable('mail_outbox').set({ status: 'failed', last_error: '550 5.1.1 <niemand@verein.example>: User unknown' }).where('registration_id', '=', refused.persons[0].id).execute();
    const page = await get(`/events/${eventId}/registrations`);
    expect(page.body).toContain(`data-mail-refused="${refused.persons[0].id}"`);
    expect(page.body).not.toContain(`data-mail-refused="${delivered.persons[0].id}"`);
    expect(page.body).toContain('Bestätigung nicht zugestellt');
    expect(page.body).toContain('Antwort des Mailservers: 550 5.1.1 &lt;niemand@verein.example>: User unknown'); // Preact escapes <, not >
    const alert = /<div data-mail-refused-alert[^>]*>[\s\S]*?<\/div><\/div><\/div>/.exec(page.body)?.[0] ?? '';
    expect(alert).toContain('Eine Bestätigung konnte nicht zugestellt werden');
    expect(alert).toMatch(/Nora Brandt \(niemand@verein\.example\)/i);
    expect(alert).not.toContain('Olga Petrowa');
    const english = await get(`/events/${eventId}/registrations?lang=en`);
    expect(english.body).toContain('A confirmation could not be delivered: the mail server refused the address permanently.');
  });

  it('registers by staff beyond the limit with a reason, audited, and admits from the waitlist', async () => {
    const eventId = await createEvent({ capacity: 1 });
    const first = await register(eventId, 'Elternverein Nord', ['Ayşe Yılmaz']);
    const waiting = await register(eventId, 'Kulturverein West', ['Dana Kurt']);
    expect(waiting.persons[0].status).toBe('waitlisted');

    const plain = await post(`/events/${eventId}/registrations`, { person: 'Emil Roth', organisation: 'Kulturverein West', email: 'emil@verein.example', reason: '' });
    expect(plain.headers.location).toBe(`/events/${eventId}/registrations?notice=registered`);
    const override = await post(`/events/${eventId}/registrations`, { person: 'Fatma Demir', organisation: 'Kulturverein West', email: 'fatma@verein.example', reason: 'Referentin des Abends' });
    expect(override.statusCode).toBe(303);
    expect((await get(String(override.headers.location))).body).toContain('als Ausnahme angemeldet');
    const rows = await test.database.db.selectFrom('registration').select(['person_name', 'status', 'overridden']).where('event_id', '=', eventId).orderBy('id').execute();
    expect(rows.slice(2)).toEqual([
      { person_name: 'Emil Roth', status: 'waitlisted', overridden: false },
      { person_name: 'Fatma Demir', status: 'registered', overridden: true },
    ]);
    const audit = await test.database.db.selectFrom('audit_log').select(['account_id', 'details']).where('action', '=', 'registration.override').where('subject_id', '=', String(eventId)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].account_id).toBe(staff.accountId);
    expect(audit[0].details).toMatchObject({ reason: 'Referentin des Abends' });

    const noReason = await post(`/events/${eventId}/registrations`, { admit: String(waiting.persons[0].id), reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain(`href="#admit-${waiting.persons[0].id}"`);
    expect(noReason.body).toContain('Bitte geben Sie einen Grund an');
    const admit = await post(`/events/${eventId}/registrations`, { admit: String(waiting.persons[0].id), reason: 'kommt mit dem Bus aus Kassel' });
    expect(admit.statusCode).toBe(303);
    expect(await statusOf(waiting.persons[0].id)).toBe('promoted');
    expect(await statusOf(first.persons[0].id)).toBe('registered');

    const bad = await post(`/events/${eventId}/registrations`, { person: 'Gül', organisation: '', email: 'kein-at', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#email"');
    expect(bad.body).toContain('value="Gül"');
  });

  it('cancels by staff with a reason and promotes the next in line', async () => {
    const eventId = await createEvent({ capacity: 1 });
    const first = await register(eventId, 'Elternverein Nord', ['Ayşe Yılmaz']);
    const waiting = await register(eventId, 'Sportverein Süd', ['Boris Iwanow']);
    const cancel = await post(`/events/${eventId}/registrations/${first.persons[0].id}/cancel`, { reason: 'hat angerufen' });
    expect(cancel.headers.location).toBe(`/events/${eventId}/registrations?notice=cancelled`);
    expect(await statusOf(first.persons[0].id)).toBe('cancelled');
    expect(await statusOf(waiting.persons[0].id)).toBe('promoted');
    const history = await test.database.db.selectFrom('registration_status_change').select(['reason', 'account_id']).where('registration_id', '=', first.persons[0].id).where('to_status', '=', 'cancelled').executeTakeFirstOrThrow();
    expect(history).toEqual({ reason: 'cancelled by staff: hat angerufen', account_id: staff.accountId });
    // a registration of another event is not found here
    const other = await createEvent();
    expect((await post(`/events/${other}/registrations/${waiting.persons[0].id}/cancel`, {})).statusCode).toBe(404);
  });

  it('prints the sign-in sheet sorted by organisation, then name, with empty rows for walk-ins', async () => {
    const eventId = await createEvent({ capacity: 3 });
    await register(eventId, 'Zukunftswerkstatt', ['Anna Zorn']);
    await register(eventId, 'Afrikanischer Frauenverein', ['Yaa Mensah', 'Grace Mensah']);
    await register(eventId, 'Bildungsinitiative', ['Wartende Person']); // waitlisted: not on the sheet
    const sheet = await get(`/events/${eventId}/sign-in-sheet`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain('sign-in-sheet.css');
    expect(sheet.body).toContain('Unterschrift');
    const order = ['Grace Mensah', 'Yaa Mensah', 'Anna Zorn'].map((name) => sheet.body.indexOf(name));
    expect(order.every((position, index) => position > 0 && (index === 0 || position > order[index - 1]))).toBe(true);
    expect(sheet.body).not.toContain('Wartende Person');
    expect(sheet.body.match(/data-empty-row/g)).toHaveLength(10);
  });

  it('checks a person in once, however often the button is tapped, as one participation', async () => {
    const eventId = await createEvent();
    const outcome = await register(eventId, 'Elternverein Nord', ['Ayşe Yılmaz', 'Can Öztürk']);
    const search = await get(`/events/${eventId}/check-in?q=ayse`);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('Ayşe Yılmaz');
    expect(search.body).not.toContain('Can Öztürk');
    for (let tap = 0; tap < 2; tap++) {
      const response = await post(`/events/${eventId}/check-in`, { registration: String(outcome.persons[0].id), q: 'ayse' });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/events/${eventId}/check-in?checked=${outcome.persons[0].id}&q=ayse`);
    }
    const after = await get(`/events/${eventId}/check-in?checked=${outcome.persons[0].id}`);
    expect(after.body).toContain('Ayşe Yılmaz ist als anwesend eingetragen.');
    expect(after.body).toContain('1 von 2 angemeldeten Personen anwesend');
    const participations = await test.database.db.selectFrom('participation').select(['person_name', 'source', 'organisation_id']).where('event_id', '=', eventId).execute();
    expect(participations).toEqual([{ person_name: 'Ayşe Yılmaz', source: 'checkin', organisation_id: outcome.organisationId }]);
    expect((await post(`/events/${eventId}/check-in`, { registration: '999999' })).statusCode).toBe(404);
  });

  it('adds a walk-in whose organisation is a spelling variant of a known one', async () => {
    const eventId = await createEvent();
    const known = await resolveOrganisationName(test.database.db, 'Deutsch-Türkischer Kulturverein Gießen e.V.', { createdFrom: 'import' });
    const response = await post(`/events/${eventId}/walk-ins`, { personName: 'Mehmet Öztürk', organisationName: 'DEUTSCH TÜRKISCHER KULTURVEREIN GIESSEN E. V.', email: '' });
    expect(response.statusCode).toBe(303);
    const page = await get(String(response.headers.location));
    expect(page.body).toContain('Mehmet Öztürk (Deutsch-Türkischer Kulturverein Gießen e.V.) ist als anwesend eingetragen.');
    const participation = await test.database.db.selectFrom('participation').select(['organisation_id', 'source']).where('event_id', '=', eventId).executeTakeFirstOrThrow();
    expect(participation).toEqual({ organisation_id: known!.organisationId, source: 'checkin' });

    const missing = await post(`/events/${eventId}/walk-ins`, { personName: ' ', organisationName: 'Irgendwer' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#personName"');
    const wrongMail = await post(`/events/${eventId}/walk-ins`, { personName: 'Lena Berg', email: 'lena-at-example' });
    expect(wrongMail.body).toContain('href="#email"');
    expect(wrongMail.body).toContain('value="Lena Berg"');
    // the one address check of Mosaik: an umlaut before the @ would be refused by most mail servers
    const umlaut = await post(`/events/${eventId}/walk-ins`, { personName: 'Jürgen Schäfer', email: 'jürgen@example.org' });
    expect(umlaut.statusCode).toBe(400);
    expect(umlaut.body).toContain('href="#email"');
    expect(umlaut.body).toContain('„jürgen@example.org“ enthält vor dem @ Umlaute oder andere Sonderzeichen');
    expect(umlaut.body).toContain('Feld „E-Mail“');
  });

  it('marks no-shows only after a confirmation and not before the event', async () => {
    const past = await createEvent({ start_date: '2024-02-01' });
    const outcome = await register(past, 'Elternverein Nord', ['Ayşe Yılmaz', 'Can Öztürk']);
    await post(`/events/${past}/check-in`, { registration: String(outcome.persons[0].id) });
    const question = await get(`/events/${past}/no-shows`);
    expect(question.body).toContain('Diese Person hatte einen Platz');
    expect(question.body).toContain('Can Öztürk');
    const unconfirmed = await post(`/events/${past}/no-shows`, {});
    expect(unconfirmed.statusCode).toBe(200);
    expect(await statusOf(outcome.persons[1].id)).toBe('registered');
    const confirmed = await post(`/events/${past}/no-shows`, { confirm: 'yes' });
    expect(confirmed.headers.location).toBe(`/events/${past}/check-in?noShows=1`);
    expect((await get(String(confirmed.headers.location))).body).toContain('1 Person ist als nicht erschienen markiert.');
    expect(await statusOf(outcome.persons[1].id)).toBe('no_show');
    expect(await statusOf(outcome.persons[0].id)).toBe('attended');

    const future = await createEvent({ start_date: '2099-01-01' });
    const early = await register(future, null, ['Olga Petrowa']);
    const refused = await post(`/events/${future}/no-shows`, { confirm: 'yes' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('noch nicht stattgefunden');
    expect(await statusOf(early.persons[0].id)).toBe('registered');
  });

  it('shows the pages in English', async () => {
    const eventId = await createEvent();
    expect((await get(`/events/${eventId}/check-in?lang=en`)).body).toContain('Check-in: Netzwerktreffen');
    expect((await get(`/events/${eventId}/sign-in-sheet?lang=en`)).body).toContain('Signature');
    expect((await get(`/events/${eventId}/registrations?lang=en`)).body).toContain('Place on the waiting list');
  });
});
