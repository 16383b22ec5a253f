import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';

/** Events for municipal coordinators: their districts only, partner events only (scope.ts). */

const form = {
  format: 'regional_network_meeting',
  title: 'Vernetzungstreffen',
  description: '',
  start_date: '2030-05-14',
  starts_at: '17:00',
  ends_at: '19:00',
  place: 'Bürgerhaus',
  municipality: '',
  district: 'Kreis Nord',
  organizer: 'partner',
  cooperation_partners: '',
  capacity: '20',
  per_org_limit: '',
  registration_opens: '',
  registration_closes: '',
  language: '',
  accessibility: '',
  materials: '',
};

describe(`events for coordinators on ${testEngine}`, () => {
  let test: TestApp;
  let staff: SignedIn;
  let coordinator: SignedIn;
  const ids = { centreNord: 0, partnerNord: 0, partnerSued: 0 };

  const get = (url: string, who: SignedIn) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (url: string, payload: Record<string, string>, who: SignedIn) =>
    test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
  const idOf = (location: unknown) => Number(/\/events\/(\d+)/.exec(String(location))![1]);
  const eventCount = async () => Number((await test.database.db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    test = await createTestApp();
    staff = await test.signIn('staff');
    coordinator = await test.signIn('coordinator');
    await test.database.db
      .insertInto('account_scope')
      .values(['Kreis Nord', 'Kreis West'].map((district) => ({ account_id: coordinator.accountId, district, organisation_id: null })))
      .execute();
    ids.centreNord = idOf((await post('/events', { ...form, title: 'Zentrum Nord', organizer: 'centre' }, staff)).headers.location);
    ids.partnerNord = idOf((await post('/events', { ...form, title: 'Partner Nord' }, staff)).headers.location);
    ids.partnerSued = idOf((await post('/events', { ...form, title: 'Partner Süd', district: 'Kreis Süd' }, staff)).headers.location);
  });
  afterAll(async () => test?.close());

  it('lists, shows in the calendar and filters only the events of their districts', async () => {
    const list = await get('/events', coordinator);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Zentrum Nord');
    expect(list.body).toContain('Partner Nord');
    expect(list.body).not.toContain('Partner Süd');
    expect(list.body).toContain('<option value="Kreis Nord"');
    expect(list.body).not.toContain('<option value="Kreis Süd"');
    expect(list.body).toContain('href="/events/new"');
    // asking for another district by hand shows nothing of it
    expect((await get('/events?district=Kreis+S%C3%BCd', coordinator)).body).not.toContain('Partner Süd');
    const month = await get('/events/calendar?month=2030-05', coordinator);
    expect(month.body).toContain(`href="/events/${ids.partnerNord}"`);
    expect(month.body).not.toContain(`href="/events/${ids.partnerSued}"`);
    const staffList = await get('/events', staff);
    expect(staffList.body).toContain('Partner Süd');
    expect(staffList.body).toContain('<option value="Kreis Süd"');
  });

  it('shows their events, and another district\'s event is not found', async () => {
    const partner = await get(`/events/${ids.partnerNord}`, coordinator);
    expect(partner.statusCode).toBe(200);
    expect(partner.body).toContain(`href="/events/${ids.partnerNord}/edit"`);
    expect(partner.body).toContain(`href="/events/${ids.partnerNord}/check-in"`);
    expect(partner.body).not.toContain('/feedback/entry"');
    const centre = await get(`/events/${ids.centreNord}`, coordinator);
    expect(centre.statusCode).toBe(200);
    expect(centre.body).not.toContain(`href="/events/${ids.centreNord}/edit"`);
    expect(centre.body).not.toContain(`href="/events/${ids.centreNord}/registrations"`);
    expect(centre.body).toContain('Dies ist eine Veranstaltung des Kompetenzzentrums.');
    expect((await get(`/events/${ids.partnerSued}`, coordinator)).statusCode).toBe(404);
    expect((await get(`/events/${ids.partnerSued}/edit`, coordinator)).statusCode).toBe(404);
    expect((await get(`/events/new?from=${ids.partnerSued}`, coordinator)).statusCode).toBe(404);
    expect((await post(`/events/${ids.partnerSued}/duplicate`, {}, coordinator)).statusCode).toBe(404);
    expect((await post(`/events/${ids.partnerSued}/edit`, { ...form, district: 'Kreis Nord' }, coordinator)).statusCode).toBe(404);
    expect((await post(`/events/${ids.partnerSued}/cancel`, { reason: 'Raum fehlt' }, coordinator)).statusCode).toBe(404);
  });

  it('offers only their districts and the partner organiser, and creates a partner event, audited', async () => {
    const page = await get('/events/new', coordinator);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<select[^>]*id="district"/);
    expect(page.body).toContain('<option value="Kreis West"');
    expect(page.body).not.toContain('<option value="Kreis Süd"');
    expect(page.body).not.toContain('<option value="centre"');
    const created = await post('/events', { ...form, title: 'Sprechstunde West', district: 'Kreis West' }, coordinator);
    expect(created.statusCode).toBe(303);
    const id = idOf(created.headers.location);
    const event = await test.database.db.selectFrom('event').select(['district', 'organizer', 'feedback_form_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ district: 'Kreis West', organizer: 'partner' });
    expect(event.feedback_form_id).not.toBeNull();
    const audit = await test.database.db.selectFrom('audit_log').select('account_id').where('action', '=', 'event.create').where('subject_type', '=', 'event').where('subject_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(audit.account_id).toBe(coordinator.accountId);
  });

  it('refuses another district or the centre as organiser, field by field, in German and English, storing nothing', async () => {
    const before = await eventCount();
    const other = await post('/events', { ...form, district: 'Kreis Süd' }, coordinator);
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('href="#district"');
    expect(other.body).toContain('Landkreis / Bezirk: Dieser Bezirk gehört nicht zu Ihren Bezirken.');
    const english = await post('/events?lang=en', { ...form, district: 'Kreis Süd', organizer: 'centre' }, coordinator);
    expect(english.body).toContain('District: this district is not one of yours.');
    expect(english.body).toContain('href="#organizer"');
    expect(english.body).toContain('Organiser: as a coordinator you can only create partner events.');
    const none = await post('/events', { ...form, district: '' }, coordinator);
    expect(none.body).toContain('Landkreis / Bezirk: Bitte wählen Sie einen Ihrer Bezirke.');
    expect(await eventCount()).toBe(before);
  });

  it('edits and cancels partner events of their districts; centre events stay read-only', async () => {
    const edit = await get(`/events/${ids.partnerNord}/edit`, coordinator);
    expect(edit.statusCode).toBe(200);
    const saved = await post(`/events/${ids.partnerNord}/edit`, { ...form, title: 'Partner Nord', capacity: '25' }, coordinator);
    expect(saved.statusCode).toBe(303);
    const moved = await post(`/events/${ids.partnerNord}/edit`, { ...form, title: 'Partner Nord', district: 'Kreis Süd' }, coordinator);
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain('Dieser Bezirk gehört nicht zu Ihren Bezirken');
    const toCentre = await post(`/events/${ids.partnerNord}/edit`, { ...form, title: 'Partner Nord', organizer: 'centre' }, coordinator);
    expect(toCentre.statusCode).toBe(400);
    const stored = await test.database.db.selectFrom('event').select(['capacity', 'district', 'organizer']).where('id', '=', ids.partnerNord).executeTakeFirstOrThrow();
    expect(stored).toEqual({ capacity: 25, district: 'Kreis Nord', organizer: 'partner' });
    expect((await get(`/events/${ids.centreNord}/edit`, coordinator)).statusCode).toBe(403);
    expect((await post(`/events/${ids.centreNord}/edit`, { ...form, organizer: 'partner' }, coordinator)).statusCode).toBe(403);
    expect((await post(`/events/${ids.centreNord}/cancel`, { reason: 'Raum fehlt' }, coordinator)).statusCode).toBe(403);
    const centre = await test.database.db.selectFrom('event').select(['organizer', 'cancelled_at']).where('id', '=', ids.centreNord).executeTakeFirstOrThrow();
    expect(centre).toEqual({ organizer: 'centre', cancelled_at: null });
    const cancelled = await post(`/events/${ids.partnerNord}/cancel`, { reason: 'Raum fehlt' }, coordinator);
    expect(cancelled.statusCode).toBe(303);
    const actions = await test.database.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'event').where('subject_id', '=', String(ids.partnerNord)).where('account_id', '=', coordinator.accountId).execute();
    expect(actions.map((row) => row.action).sort()).toEqual(['event.cancel', 'event.update']);
  });

  it('duplicates a centre event of their district into a partner event form', async () => {
    const copy = await post(`/events/${ids.centreNord}/duplicate`, {}, coordinator);
    expect(copy.headers.location).toBe(`/events/new?from=${ids.centreNord}`);
    const page = await get(String(copy.headers.location), coordinator);
    expect(page.body).toContain('Kopie von');
    expect(page.body).toMatch(/<option value="partner" selected/);
  });

  it('leaves centre staff unchanged', async () => {
    expect((await get(`/events/${ids.partnerSued}/edit`, staff)).statusCode).toBe(200);
    const page = await get('/events/new', staff);
    expect(page.body).toMatch(/<input[^>]*id="district"/);
    expect(page.body).toMatch(/<option value="centre" selected/);
    const saved = await post(`/events/${ids.centreNord}/edit`, { ...form, title: 'Zentrum Nord', organizer: 'centre', district: 'Irgendwo' }, staff);
    expect(saved.statusCode).toBe(303);
    expect((await get(`/events/${ids.centreNord}`, staff)).body).toContain('/feedback/entry"');
  });
});
