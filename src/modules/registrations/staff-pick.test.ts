import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { event as makeEvent, organisation } from '../../../test/factories.js';

/** A registration taken by phone names its organisation with the pick list: a typo never creates one (organisations/pick.ts). */
describe(`the organisation of a registration entered by staff on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  let eventId = 0;
  let known: { id: number; name: string };
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
    known = await organisation(test.database.db, { name: 'Afrikanischer Frauenverein Kassel' });
    const event = await makeEvent(test.database.db, { eventKey: 'pick-1', title: 'Netzwerktreffen', format: 'regional_network_meeting', startDate: '2030-05-06', startsAt: '17:00', place: 'Bürgerhaus', organizer: 'centre', capacity: 20 });
    eventId = event.id;
  });
  afterAll(async () => test?.close());

  const post = (payload: Record<string, string>) =>
    test.app.inject({ method: 'POST', url: `/events/${eventId}/registrations`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, reason: '', ...payload } });
  const counts = async () => {
    const db = test.database.db;
    const organisations = await db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const registrations = await db.selectFrom('registration').select((eb) => eb.fn.countAll().as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow();
    return [Number(organisations.n), Number(registrations.n)];
  };
  const organisationOf = async (person: string) =>
    (await test.database.db.selectFrom('registration').select('organisation_id').where('event_id', '=', eventId).where('person_name', '=', person).executeTakeFirstOrThrow()).organisation_id;

  it('brings a typo back with candidates, keeps what was typed, and stores nothing', async () => {
    const before = await counts();
    const typo = 'Afrikanischer Frauenverien Kasel';
    const asked = await post({ person: 'Grace Mensah', organisation: typo, email: 'grace@verein.example' });
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain('Meinten Sie …?');
    expect(asked.body).toContain(`name="organisation_choice" value="${known.id}"`);
    expect(asked.body).toContain(`Neue Organisation „${typo}“ anlegen`);
    expect(asked.body).toContain('href="#organisation"');
    expect(asked.body).toContain('value="grace@verein.example"');
    expect(await counts()).toEqual(before);
  });

  it('links the candidate chosen, or the suggestion picked, to the existing organisation', async () => {
    const typo = 'Afrikanischer Frauenverien Kasel';
    const [organisations] = await counts();
    const chosen = await post({ person: 'Grace Mensah', organisation: typo, organisation_asked: typo, organisation_choice: String(known.id), email: 'grace@verein.example' });
    expect(chosen.statusCode).toBe(303);
    expect(await organisationOf('Grace Mensah')).toBe(known.id);
    const picked = await post({ person: 'Yaa Asante', organisation: known.name, organisation_id: String(known.id), email: 'yaa@verein.example' });
    expect(picked.statusCode).toBe(303);
    expect(await organisationOf('Yaa Asante')).toBe(known.id);
    expect((await counts())[0]).toBe(organisations);
  });

  it('creates exactly one organisation when staff say so, and none when the field is left empty', async () => {
    const [organisations] = await counts();
    const name = 'Eritreischer Kulturverein Fulda';
    const created = await post({ person: 'Senait Tesfay', organisation: name, organisation_asked: name, organisation_choice: 'new', email: 'senait@verein.example' });
    expect(created.statusCode).toBe(303);
    const organisationId = await organisationOf('Senait Tesfay');
    const row = await test.database.db.selectFrom('organisation').select(['name', 'needs_review']).where('id', '=', organisationId!).executeTakeFirstOrThrow();
    expect(row).toEqual({ name, needs_review: true });
    const none = await post({ person: 'Ohne Verein', organisation: '', email: 'ohne@example.org' });
    expect(none.statusCode).toBe(303);
    expect(await organisationOf('Ohne Verein')).toBeNull();
    expect((await counts())[0]).toBe(organisations + 1);
  });

  it('asks in English on an English page', async () => {
    const asked = await test.app.inject({
      method: 'POST',
      url: `/events/${eventId}/registrations?lang=en`,
      headers: { cookie: staff.cookie },
      payload: { _csrf: staff.csrfToken, person: 'Kofi', organisation: 'Frauenverein Kasel', email: 'kofi@verein.example', reason: '' },
    });
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain('Did you mean …?');
    expect(asked.body).toContain('Create new organisation “Frauenverein Kasel”');
  });

  it('asks about a walk-in’s organisation at the door the same way', async () => {
    const walkIn = (payload: Record<string, string>) =>
      test.app.inject({ method: 'POST', url: `/events/${eventId}/walk-ins`, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, email: '', ...payload } });
    const [organisations] = await counts();
    const typo = 'Afrikanischer Frauenverien Kasel';
    const asked = await walkIn({ personName: 'Abena Owusu', organisationName: typo });
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain(`name="organisationName_choice" value="${known.id}"`);
    expect(await counts()).toEqual([organisations, (await counts())[1]]);
    const chosen = await walkIn({ personName: 'Abena Owusu', organisationName: typo, organisationName_asked: typo, organisationName_choice: String(known.id) });
    expect(chosen.statusCode).toBe(303);
    expect(await organisationOf('Abena Owusu')).toBe(known.id);
    expect((await counts())[0]).toBe(organisations);
  });
});
