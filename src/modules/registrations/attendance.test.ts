import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { event as makeEvent } from '../../../test/factories.js';
import { computeImpactReport } from '../reports/index.js';
import { addWalkIn, checkIn, markNoShows } from './attendance.js';
import { registerForEvent } from './registration.js';
import { queueReminders } from './reminders.js';

const baseUrl = 'https://mosaik.example';
let eventCount = 0;

describe(`attendance and reminders on ${testEngine}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  async function createEvent(values: { start_date: string; starts_at?: string; capacity?: number; per_org_limit?: number | null }) {
    const event = await makeEvent(database.db, {
      eventKey: `A${++eventCount}`,
      title: `Schulung ${eventCount}`,
      format: 'training_application',
      organizer: 'centre',
      capacity: values.capacity ?? 10,
      perOrgLimit: values.per_org_limit === undefined ? 2 : values.per_org_limit,
      startDate: values.start_date,
      startsAt: values.starts_at ?? null,
    });
    return event.id;
  }

  const register = (eventId: number, organisationName: string | null, names: string[]) =>
    registerForEvent(database.db, { eventId, organisationName, contactEmail: 'kontakt@verein.example', language: 'de', persons: names.map((name) => ({ name })) }, { baseUrl });

  const participations = (eventId: number) =>
    database.db.selectFrom('participation').select(['organisation_id', 'person_name', 'person_key', 'source']).where('event_id', '=', eventId).orderBy('id').execute();

  it('turns a check-in into exactly one participation, the one the impact report counts', async () => {
    const eventId = await createEvent({ start_date: '2024-03-14' });
    const outcome = await register(eventId, 'Türkischer Elternverein e.V.', ['Ayşe Yılmaz', 'Can Öztürk']);
    const before = await computeImpactReport(database.db, { from: '2024-01-01', to: '2024-12-31' });
    await checkIn(database.db, outcome.persons[0].id, null);
    await checkIn(database.db, outcome.persons[0].id, null); // a second tap changes nothing
    expect(await participations(eventId)).toEqual([
      { organisation_id: outcome.organisationId, person_name: 'Ayşe Yılmaz', person_key: 'ayse yilmaz', source: 'checkin' },
    ]);
    const after = await computeImpactReport(database.db, { from: '2024-01-01', to: '2024-12-31' });
    expect(after.reach.person_participations).toBe(before.reach.person_participations + 1);
    const statuses = await database.db.selectFrom('registration').select('status').where('group_id', '=', outcome.groupId).orderBy('id').execute();
    expect(statuses.map((row) => row.status)).toEqual(['attended', 'registered']);
    expect(await markNoShows(database.db, eventId, null)).toBe(1);
    const history = await database.db.selectFrom('registration_status_change').select('to_status').where('registration_id', '=', outcome.persons[0].id).execute();
    expect(history.map((row) => row.to_status)).toEqual(['registered', 'attended']);
  });

  it('keeps a person already on an imported list as one participation', async () => {
    const eventId = await createEvent({ start_date: '2024-04-02' });
    const outcome = await register(eventId, 'Kulturverein Gießen', ['Olga Petrowa']);
    await sql`insert into participation (event_id, organisation_id, person_name, person_key, source)
      values (${eventId}, ${outcome.organisationId}, 'Olga Petrowa', 'olga petrowa', 'import')`.execute(database.db);
    await checkIn(database.db, outcome.persons[0].id, null);
    expect((await participations(eventId)).map((row) => row.source)).toEqual(['import']);
  });

  it('adds a walk-in with their organisation matched by name, beyond capacity', async () => {
    const eventId = await createEvent({ start_date: '2024-05-06', capacity: 1 });
    const outcome = await register(eventId, 'Afrikanischer Kulturverein Kassel e. V.', ['Amara Diallo']);
    const walkIn = await addWalkIn(database.db, eventId, { personName: 'Kwame Mensah', organisationName: 'afrikanischer kulturverein kassel' }, null);
    expect(walkIn.organisationId).toBe(outcome.organisationId);
    const unknown = await addWalkIn(database.db, eventId, { personName: 'Lena Berg', organisationName: 'Ganz Neuer Verein' }, null);
    const created = await database.db.selectFrom('organisation').select(['name', 'needs_review', 'created_from']).where('id', '=', unknown.organisationId!).executeTakeFirstOrThrow();
    expect(created).toEqual({ name: 'Ganz Neuer Verein', needs_review: true, created_from: 'registration' });
    // a registered person "walking in" is checked in, not added twice
    const again = await addWalkIn(database.db, eventId, { personName: 'amara diallo', organisationName: 'Afrikanischer Kulturverein Kassel' }, null);
    expect(again.registrationId).toBe(outcome.persons[0].id);
    expect((await participations(eventId)).map((row) => row.person_name)).toEqual(['Kwame Mensah', 'Lena Berg', 'Amara Diallo']);
    const seats = await database.db.selectFrom('registration').select('status').where('event_id', '=', eventId).execute();
    expect(seats.every((row) => row.status === 'attended')).toBe(true);
  });

  it('checks in someone from the waitlist as a logged exception', async () => {
    const eventId = await createEvent({ start_date: '2024-06-01', capacity: 1, per_org_limit: null });
    await register(eventId, null, ['Erste Person']);
    const waiting = await register(eventId, null, ['Zweite Person']);
    expect(waiting.persons[0].status).toBe('waitlisted');
    await checkIn(database.db, waiting.persons[0].id, null);
    const row = await database.db.selectFrom('registration').select(['status', 'overridden']).where('id', '=', waiting.persons[0].id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'attended', overridden: true });
    const audit = await database.db.selectFrom('audit_log').select('details').where('subject_id', '=', String(waiting.persons[0].id)).execute();
    expect(audit).toHaveLength(1);
  });

  it('queues one reminder per seat for events within two days', async () => {
    const soon = await createEvent({ start_date: '2031-02-03', starts_at: '18:00', per_org_limit: null });
    const later = await createEvent({ start_date: '2031-02-10', starts_at: '18:00' });
    const outcome = await register(soon, 'Verein R', ['Rita', 'Rolf', 'Rosa']);
    await register(later, 'Verein R', ['Rita']);
    await database.db.updateTable('registration').set({ status: 'cancelled' }).where('id', '=', outcome.persons[1].id).execute();
    const full = await createEvent({ start_date: '2031-02-03', capacity: 0 });
    await register(full, null, ['Wartende Person']);

    const now = new Date('2031-02-02T12:00:00+01:00');
    expect(await queueReminders(database.db, now)).toBe(2);
    expect(await queueReminders(database.db, now)).toBe(0); // once per registration
    const reminders = await database.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body', 'registration_id']).where('kind', '=', 'registration.reminder').orderBy('id').execute();
    expect(reminders.map((mail) => mail.registration_id)).toEqual([outcome.persons[0].id, outcome.persons[2].id]);
    expect(reminders[0].subject).toBe('Erinnerung: Schulung ' + (eventCount - 2));
    expect(reminders[0].text_body).toContain('18:00 Uhr');
    // after the event no reminder
    expect(await queueReminders(database.db, new Date('2031-02-04T12:00:00+01:00'))).toBe(0);
  });
});
