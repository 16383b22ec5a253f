import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { registerForEvent } from './registration.js';

/**
 * Registration list, sign-in sheet and check-in for municipal coordinators:
 * the partner events of their districts only (events/scope.ts).
 */
describe(`registrations and check-in for coordinators on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  let coordinator: SignedIn;
  const ids = { partnerNord: 0, centreNord: 0, partnerSued: 0 };

  const get = (url: string, who: SignedIn) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (url: string, payload: Record<string, string>, who: SignedIn) =>
    test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });

  async function createEvent(key: string, district: string, organizer: 'centre' | 'partner') {
    const event = await test.database.db
      .insertInto('event')
      .values({ event_key: key, title: `Treffen ${key}`, format: 'regional_network_meeting', start_date: '2030-05-06', starts_at: '17:00', place: 'Bürgerhaus', municipality: null, district, organizer, capacity: 10, per_org_limit: 2, feedback_form_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await registerForEvent(test.database.db, { eventId: event.id, organisationName: 'Elternverein Nord', contactEmail: 'kontakt@verein.example', language: 'de', persons: [{ name: `Ayşe ${key}` }] }, { baseUrl: 'https://mosaik.example' });
    return event.id;
  }

  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
    coordinator = await test.signIn('coordinator');
    await test.database.db.insertInto('account_scope').values({ account_id: coordinator.accountId, district: 'Kreis Nord', organisation_id: null }).execute();
    ids.partnerNord = await createEvent('partner-nord', 'Kreis Nord', 'partner');
    ids.centreNord = await createEvent('centre-nord', 'Kreis Nord', 'centre');
    ids.partnerSued = await createEvent('partner-sued', 'Kreis Süd', 'partner');
  });
  afterAll(async () => test?.close());

  it('opens the registration list, sign-in sheet and check-in of their partner events', async () => {
    for (const page of ['registrations', 'sign-in-sheet', 'check-in', 'no-shows']) {
      const response = await get(`/events/${ids.partnerNord}/${page}`, coordinator);
      expect(response.statusCode, page).toBe(200);
    }
    expect((await get(`/events/${ids.partnerNord}/registrations`, coordinator)).body).toContain('Ayşe partner-nord');
    const walkIn = await post(`/events/${ids.partnerNord}/walk-ins`, { personName: 'Emil Roth', organisationName: 'Kulturverein West', organisationName_asked: 'Kulturverein West', organisationName_choice: 'new', email: '' }, coordinator); // not in the directory: created on the explicit choice (pick list)
    expect(walkIn.statusCode).toBe(303);
    const registration = await test.database.db.selectFrom('registration').select(['id']).where('event_id', '=', ids.partnerNord).where('person_name', '=', 'Ayşe partner-nord').executeTakeFirstOrThrow();
    const checked = await post(`/events/${ids.partnerNord}/check-in`, { registration: String(registration.id) }, coordinator);
    expect(checked.statusCode).toBe(303);
    const statuses = await test.database.db.selectFrom('registration').select('status').where('event_id', '=', ids.partnerNord).orderBy('id').execute();
    expect(statuses.map((row) => row.status)).toEqual(['attended', 'attended']);
  });

  it('finds no event of another district, and keeps centre events to centre staff', async () => {
    for (const page of ['registrations', 'sign-in-sheet', 'check-in', 'no-shows']) {
      expect((await get(`/events/${ids.partnerSued}/${page}`, coordinator)).statusCode, page).toBe(404);
      expect((await get(`/events/${ids.centreNord}/${page}`, coordinator)).statusCode, page).toBe(403);
    }
    const other = await test.database.db.selectFrom('registration').select(['id']).where('event_id', '=', ids.partnerSued).executeTakeFirstOrThrow();
    expect((await post(`/events/${ids.partnerSued}/check-in`, { registration: String(other.id) }, coordinator)).statusCode).toBe(404);
    expect((await post(`/events/${ids.partnerSued}/walk-ins`, { personName: 'Emil Roth' }, coordinator)).statusCode).toBe(404);
    expect((await post(`/events/${ids.partnerSued}/registrations`, { person: 'Emil Roth', organisation: 'Verein', email: 'e@verein.example' }, coordinator)).statusCode).toBe(404);
    expect((await post(`/events/${ids.partnerSued}/registrations/${other.id}/cancel`, {}, coordinator)).statusCode).toBe(404);
    expect((await post(`/events/${ids.centreNord}/walk-ins`, { personName: 'Emil Roth' }, coordinator)).statusCode).toBe(403);
    const untouched = await test.database.db.selectFrom('registration').select('status').where('event_id', 'in', [ids.partnerSued, ids.centreNord]).execute();
    expect(untouched.map((row) => row.status)).toEqual(['registered', 'registered']);
  });

  it('leaves centre staff every event', async () => {
    for (const id of [ids.partnerSued, ids.centreNord]) {
      expect((await get(`/events/${id}/registrations`, staff)).statusCode).toBe(200);
      expect((await get(`/events/${id}/check-in`, staff)).statusCode).toBe(200);
    }
  });
});
