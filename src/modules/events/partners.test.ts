import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import { organisation } from '../../../test/factories.js';

/** An event's cooperation partners are picked from the directory (partners.ts): a typo never creates an organisation. */
describe(`an event's partner organisations on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  let known: { id: number; name: string };
  const form = { format: 'regional_network_meeting', title: 'Netzwerktreffen', start_date: '2030-03-14', organizer: 'centre', capacity: '', per_org_limit: '' };
  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
    known = await organisation(test.database.db, { name: 'Eritreischer Kulturverein Fulda' });
    await organisation(test.database.db, { name: 'Elternverein Nord' });
  });
  afterAll(async () => test?.close());

  const post = (url: string, payload: Record<string, string>) => test.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrfToken, ...payload } });
  const counts = async () => {
    const db = test.database.db;
    const [organisations, events] = await Promise.all([
      db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return [Number(organisations.n), Number(events.n)];
  };
  const partnersOf = async (location: unknown) => {
    const id = Number(/\/events\/(\d+)/.exec(String(location))![1]);
    return (await test.database.db.selectFrom('event').select('cooperation_partners').where('id', '=', id).executeTakeFirstOrThrow()).cooperation_partners;
  };
  const typo = 'Eritreischer Kulturverien Fuld';

  it('brings a typo back with candidates per partner field and stores nothing', async () => {
    const before = await counts();
    const asked = await post('/events', { ...form, partner_0: 'Elternverein Nord', partner_1: typo });
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain('href="#partner_1"');
    expect(asked.body).toContain(`Partnerorganisation 2: „${typo}“ ist nicht im Verzeichnis.`);
    expect(asked.body).toContain(`name="partner_1_choice" value="${known.id}"`);
    expect(asked.body).toContain(`Neue Organisation „${typo}“ anlegen`);
    expect(asked.body).toContain('value="Elternverein Nord"');
    expect(await counts()).toEqual(before);
    const english = await post('/events?lang=en', { ...form, partner_0: typo });
    expect(english.body).toContain('Partner organisation 1: “Eritreischer Kulturverien Fuld” is not in the directory.');
  });

  it('stores the chosen candidate under its directory name, and creates exactly one organisation when asked to', async () => {
    const [organisations] = await counts();
    const chosen = await post('/events', { ...form, partner_0: 'Elternverein Nord e.V.', partner_1: typo, partner_1_asked: typo, partner_1_choice: String(known.id) });
    expect(chosen.statusCode).toBe(303);
    expect(await partnersOf(chosen.headers.location)).toBe('Elternverein Nord\nEritreischer Kulturverein Fulda');
    expect((await counts())[0]).toBe(organisations);
    const created = await post('/events', { ...form, partner_0: 'Somalischer Frauenverein Kassel', partner_0_asked: 'Somalischer Frauenverein Kassel', partner_0_choice: 'new' });
    expect(created.statusCode).toBe(303);
    expect(await partnersOf(created.headers.location)).toBe('Somalischer Frauenverein Kassel');
    expect((await counts())[0]).toBe(organisations + 1);
    const row = await test.database.db.selectFrom('organisation').select(['needs_review', 'created_from']).where('name', '=', 'Somalischer Frauenverein Kassel').executeTakeFirstOrThrow();
    expect(row).toEqual({ needs_review: true, created_from: 'staff' });
  });

  it('shows the stored partners as pick lists on the edit form, with spare fields to add more', async () => {
    const chosen = await post('/events', { ...form, partner_0: 'Elternverein Nord' });
    const id = Number(/\/events\/(\d+)/.exec(String(chosen.headers.location))![1]);
    const edit = await test.app.inject({ method: 'GET', url: `/events/${id}/edit`, headers: { cookie: staff.cookie } });
    expect(edit.body).toContain('name="partner_0" type="text" value="Elternverein Nord"');
    expect(edit.body).toContain('name="partner_2"');
    const saved = await post(`/events/${id}/edit`, { ...form, partner_0: 'Elternverein Nord', partner_1: '', partner_2: '' });
    expect(saved.statusCode).toBe(303);
    expect(await partnersOf(`/events/${id}`)).toBe('Elternverein Nord');
  });
});
