import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { markCancelled } from '../events/index.js';
import { cancelByStaff } from './cancellation.js';
import { RegistrationError } from './errors.js';
import { cancelEventRegistrations } from './event-cancellation.js';
import { hashToken, newToken, registerForEvent } from './registration.js';

const baseUrl = 'https://mosaik.example';
let eventCount = 0;

type Db = TestDatabase['db'];

async function createEvent(db: Db, capacity: number | null) {
  const event = await db
    .insertInto('event')
    .values({ event_key: `C${++eventCount}`, title: `Fachtag ${eventCount}`, format: 'regional_network_meeting', start_date: '2030-09-12', municipality: null, district: null, feedback_form_id: null, capacity, per_org_limit: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return event.id;
}

const register = (db: Db, eventId: number, contactEmail: string, language: string, names: string[]) =>
  registerForEvent(db, { eventId, organisationName: null, contactEmail, language, persons: names.map((name) => ({ name })) }, { baseUrl });

const cancelledMails = (db: Db, eventId: number) =>
  db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body', 'registration_id']).where('event_id', '=', eventId).where('kind', '=', 'registration.eventCancelled').orderBy('id').execute();

describe(`cancelling an event's registrations on ${testEngine}`, () => {
  let database: TestDatabase;
  let staffId: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    const staff = await database.db.insertInto('account').values({ email: 'staff@mosaik.example', role: 'staff', password_hash: null, disabled_at: null }).returning('id').executeTakeFirstOrThrow();
    staffId = staff.id;
  });
  afterAll(async () => database?.close());

  const cancelEvent = (eventId: number, reason: string) =>
    database.db.transaction().execute(async (trx) => {
      await markCancelled(trx, eventId, reason);
      return cancelEventRegistrations(trx, { eventId, accountId: staffId, reason });
    });

  it('cancels registered, promoted and waitlisted persons, one mail per contact, history kept, nobody promoted', async () => {
    const db = database.db;
    const eventId = await createEvent(db, 3);
    const verein = await register(db, eventId, 'kontakt@verein.example', 'de', ['Ayşe Yılmaz', 'Ali Kaya']);
    const english = await register(db, eventId, 'office@club.example', 'en', ['John Smith']);
    const turkish = await register(db, eventId, 'dernek@ornek.example', 'tr', ['Mehmet Öz']);
    const late = await register(db, eventId, 'spaet@verein.example', 'de', ['Lena Spät']);
    expect([...verein.persons, ...english.persons, ...turkish.persons, ...late.persons].map((p) => p.status)).toEqual(['registered', 'registered', 'registered', 'waitlisted', 'waitlisted']);
    // John cancels himself: Mehmet moves up (promoted), Lena still waits
    await cancelByStaff(db, english.persons[0].id, { accountId: staffId, reason: 'Anruf' });
    const before = await db.selectFrom('registration').select(['id', 'status']).where('event_id', '=', eventId).orderBy('id').execute();
    expect(before.map((row) => row.status)).toEqual(['registered', 'registered', 'cancelled', 'promoted', 'waitlisted']);

    const outcome = await cancelEvent(eventId, 'Referentin erkrankt');
    expect(outcome).toEqual({ cancelled: 4, notified: 4, mails: 3 });

    const after = await db.selectFrom('registration').select('status').where('event_id', '=', eventId).execute();
    expect(after.every((row) => row.status === 'cancelled')).toBe(true);
    const history = await db
      .selectFrom('registration_status_change')
      .innerJoin('registration', 'registration.id', 'registration_status_change.registration_id')
      .select(['registration_status_change.registration_id', 'from_status', 'to_status', 'account_id', 'reason'])
      .where('registration.event_id', '=', eventId)
      .where('reason', 'like', 'event cancelled:%')
      .orderBy('registration_status_change.registration_id')
      .execute();
    expect(history.map((row) => [row.from_status, row.to_status])).toEqual([
      ['registered', 'cancelled'],
      ['registered', 'cancelled'],
      ['promoted', 'cancelled'],
      ['waitlisted', 'cancelled'],
    ]);
    expect(history.every((row) => row.account_id === staffId && row.reason === 'event cancelled: Referentin erkrankt')).toBe(true);
    const promotions = await db
      .selectFrom('registration_status_change')
      .innerJoin('registration', 'registration.id', 'registration_status_change.registration_id')
      .select('registration_status_change.id')
      .where('registration.event_id', '=', eventId)
      .where('to_status', '=', 'promoted')
      .execute();
    expect(promotions).toHaveLength(1); // Mehmet's, before the event was called off

    const mails = await cancelledMails(db, eventId);
    expect(mails.map((mail) => mail.to_address)).toEqual(['kontakt@verein.example', 'dernek@ornek.example', 'spaet@verein.example']);
    expect(mails[0].subject).toBe(`Abgesagt: Fachtag ${eventCount}`);
    expect(mails[0].text_body).toContain('Grund der Absage: Referentin erkrankt');
    expect(mails[0].text_body).toContain('- Ayşe Yılmaz\n- Ali Kaya');
    expect(mails[0].text_body).toContain('12. September 2030');
    expect(mails[0].text_body).not.toContain('Reason');
    // Turkish is not a staff language: German first, English below
    expect(mails[1].subject).toBe(`Abgesagt: Fachtag ${eventCount} / Cancelled: Fachtag ${eventCount}`);
    expect(mails[1].text_body).toContain('Grund der Absage: Referentin erkrankt');
    expect(mails[1].text_body).toContain('Reason for the cancellation: Referentin erkrankt');
    expect(mails[1].text_body.indexOf('Guten Tag')).toBeLessThan(mails[1].text_body.indexOf('the following event has to be cancelled'));
    expect(mails[2].registration_id).toBe(late.persons[0].id);

    // a second call finds nothing left to do
    expect(await cancelEventRegistrations(db, { eventId, accountId: staffId, reason: 'noch einmal' })).toEqual({ cancelled: 0, notified: 0, mails: 0 });
    expect(await cancelledMails(db, eventId)).toHaveLength(3);
    // and the cancelled event takes no new registrations
    await expect(register(db, eventId, 'neu@verein.example', 'de', ['Neue Person'])).rejects.toMatchObject({ code: 'eventCancelled' });
  });

  it('commits with the event or not at all, and refuses an event that is not cancelled', async () => {
    const db = database.db;
    const eventId = await createEvent(db, null);
    await register(db, eventId, 'kontakt@verein.example', 'en', ['Ayşe Yılmaz']);
    await expect(cancelEventRegistrations(db, { eventId, accountId: staffId, reason: 'x' })).rejects.toThrow(/not cancelled/);
    // something fails later in the caller's transaction: registrations and mails roll back with the event
    await expect(
      db.transaction().execute(async (trx) => {
        await markCancelled(trx, eventId, 'Raum nicht verfügbar');
        expect((await cancelEventRegistrations(trx, { eventId, accountId: staffId, reason: 'Raum nicht verfügbar' })).cancelled).toBe(1);
        throw new Error('audit failed');
      }),
    ).rejects.toThrow('audit failed');
    const row = await db.selectFrom('registration').select('status').where('event_id', '=', eventId).executeTakeFirstOrThrow();
    expect(row.status).toBe('registered');
    expect(await cancelledMails(db, eventId)).toHaveLength(0);
    // on its own it opens its own transaction
    await markCancelled(db, eventId, 'Raum nicht verfügbar');
    expect(await cancelEventRegistrations(db, { eventId, accountId: null, reason: 'Raum nicht verfügbar' })).toEqual({ cancelled: 1, notified: 1, mails: 1 });
    const [mail] = await cancelledMails(db, eventId);
    expect(mail.subject).toBe(`Cancelled: Fachtag ${eventCount}`);
    expect(mail.text_body).toContain('Reason for the cancellation: Raum nicht verfügbar');
    await expect(cancelEventRegistrations(db, { eventId: 999999, accountId: null, reason: 'x' })).rejects.toBeInstanceOf(RegistrationError);
  });
});

describe(`POST /events/:id/cancel with registrations on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
  });
  afterAll(async () => test?.close());

  it('cancels the event and its registrations together and says how many persons were told', async () => {
    const db = test.database.db;
    const eventId = await createEvent(db, 2);
    await register(db, eventId, 'kontakt@verein.example', 'de', ['Ayşe Yılmaz', 'Ali Kaya', 'Mina Demir']); // two seats, one waiting
    await register(db, eventId, 'office@club.example', 'en', ['John Smith']); // waiting
    // a registration taken on paper, without an address to write to
    const group = await db
      .insertInto('registration_group')
      .values({ event_id: eventId, organisation_id: null, contact_email: '', language: 'de', manage_token_hash: hashToken(newToken()), account_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('registration')
      .values({ event_id: eventId, group_id: group.id, organisation_id: null, person_name: 'Olga Petrowa', person_key: 'olga petrowa', email: null, status: 'waitlisted', updated_at: new Date() })
      .execute();

    const response = await test.app.inject({
      method: 'POST',
      url: `/events/${eventId}/cancel`,
      headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, reason: 'Referentin erkrankt' },
    });
    expect(response.statusCode).toBe(303);
    const location = response.headers.location as string;
    expect(location).toBe(`/events/${eventId}?cancelled=1&notified=4&unreached=1`);

    const page = await test.app.inject({ method: 'GET', url: location, headers: { cookie: staff.cookie } });
    expect(page.body).toContain('Die Veranstaltung wurde abgesagt.');
    expect(page.body).toContain('4 Personen wurden per E-Mail über die Absage benachrichtigt');
    expect(page.body).toContain('1 stornierte Anmeldung hat keine E-Mail-Adresse');
    expect(page.body).not.toContain('nicht automatisch benachrichtigt');
    const english = await test.app.inject({ method: 'GET', url: `${location}&lang=en`, headers: { cookie: staff.cookie } });
    expect(english.body).toContain('4 persons were told about the cancellation by e-mail');

    const statuses = await db.selectFrom('registration').select('status').where('event_id', '=', eventId).execute();
    expect(statuses.map((row) => row.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect((await cancelledMails(db, eventId)).map((mail) => mail.to_address)).toEqual(['kontakt@verein.example', 'office@club.example']);
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'event.cancel').where('subject_id', '=', String(eventId)).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reason: 'Referentin erkrankt', registrationsCancelled: 5 });

    // cancelling again is refused and sends nothing more
    const again = await test.app.inject({
      method: 'POST',
      url: `/events/${eventId}/cancel`,
      headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, reason: 'noch einmal' },
    });
    expect(again.statusCode).toBe(409);
    expect(await cancelledMails(db, eventId)).toHaveLength(2);
  });
});
