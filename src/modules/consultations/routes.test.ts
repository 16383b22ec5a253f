import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { importRecords } from '../imports/index.js';
import { findOrganisationIds } from '../organisations/index.js';
import { normaliseName } from '../names/index.js';
import { computeImpactReport } from '../reports/index.js';

const known = 'Deutsch-Türkischer Kulturverein Gießen e.V.';
const variant = 'Deutsch Tuerkischer Kulturverein Giessen';
const idOf = async (db: Db, name: string) => (await findOrganisationIds(db, [normaliseName(name)])).get(normaliseName(name))!;

describe('the consultation log', () => {
  let test: TestApp;
  let staff: SignedIn;
  let db: Db;
  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    staff = await test.signIn('staff');
    expect((await importRecords(db, 'organizations', [{ org_key: 'dtkv', name: known }])).problems).toEqual([]);
    expect((await importRecords(db, 'grants', [{ year: '2019', organization: known, application_type: 'new', status: 'approved' }])).problems).toEqual([]);
  });
  afterAll(async () => test?.close());

  const get = (url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
  const post = (url: string, fields: Record<string, string>) =>
    test.app.inject({
      method: 'POST',
      url,
      headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: staff.csrfToken }).toString(),
    });
  const valid = { consulted_on: '2019-05-02', organisation: variant, persons: 'Ayşe Yılmaz', channel: 'phone', topic: 'application', duration_minutes: '45', outcome: 'Antrag besprochen' };
  const idFrom = (location: unknown) => Number(/\/consultations\/(\d+)/.exec(String(location))![1]);

  it('logs a consultation by a name variant for the known organisation; the impact report counts it', async () => {
    const before = await computeImpactReport(db, { from: '2019-01-01', to: '2019-12-31' });
    expect(before.grants.find((row) => row.year === 2019)!.consulted).toBe(0);
    const form = await get('/consultations/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Beratung erfassen');
    expect(form.body).toContain('Vereinsrecht');
    const created = await post('/consultations/new', valid);
    expect(created.statusCode).toBe(303);
    const id = idFrom(created.headers.location);
    const row = await db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organisation_id: await idOf(db, known), topic: 'application', source: 'staff', created_by: staff.accountId, persons: 'Ayşe Yılmaz' });
    const page = await get(String(created.headers.location));
    expect(page.body).toContain('Die Beratung ist gespeichert.');
    expect(page.body).not.toContain('passte zu keiner bekannten Organisation');
    expect(page.body).toContain('Antragstellung');
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'consultation.create').where('subject_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ fields: expect.arrayContaining(['consulted_on', 'persons', 'outcome']) });
    expect(JSON.stringify(audit.details)).not.toContain('Ayşe');
    const after = await computeImpactReport(db, { from: '2019-01-01', to: '2019-12-31' });
    expect(after.grants.find((row) => row.year === 2019)!.consulted).toBe(1);
    const list = await get('/consultations?organisation=kulturverein&lang=en');
    expect(list.body).toContain('1 consultation found.');
    expect(list.body).toContain(known);
  });

  const organisationCount = async () => Number((await db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const consultationCount = async () => Number((await db.selectFrom('consultation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('brings a typo back with "Meinten Sie …?" candidates and stores nothing, in German and English', async () => {
    const [organisations, consultations] = [await organisationCount(), await consultationCount()];
    const typo = 'Deutsch-Türkischer Kulturverien Giesen';
    const asked = await post('/consultations/new', { ...valid, organisation: typo, consulted_on: '2019-06-01' });
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain('Meinten Sie …?');
    expect(asked.body).toContain(`Organisation: „${typo}“ ist nicht im Verzeichnis.`);
    expect(asked.body).toMatch(new RegExp(`name="organisation_choice" value="${await idOf(db, known)}"`));
    expect(asked.body).toContain(`Neue Organisation „${typo}“ anlegen`);
    expect(asked.body).toContain(`name="organisation_asked" value="${typo}"`);
    // the other fields come back as typed
    expect(asked.body).toContain('Antrag besprochen');
    expect([await organisationCount(), await consultationCount()]).toEqual([organisations, consultations]);
    const english = await post('/consultations/new?lang=en', { ...valid, organisation: typo, consulted_on: '2019-06-01' });
    expect(english.body).toContain('Did you mean …?');
    expect(english.body).toContain(`Create new organisation “${typo}”`);
  });

  it('links the candidate chosen on the search step; a changed name asks again', async () => {
    const organisations = await organisationCount();
    const typo = 'Deutsch-Türkischer Kulturverien Giesen';
    const chosen = await post('/consultations/new', { ...valid, organisation: typo, consulted_on: '2019-06-02', organisation_asked: typo, organisation_choice: String(await idOf(db, known)) });
    expect(chosen.statusCode).toBe(303);
    const row = await db.selectFrom('consultation').select('organisation_id').where('id', '=', idFrom(chosen.headers.location)).executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(await idOf(db, known));
    // an answer given for another name does not apply: the form asks about the new name
    const changed = await post('/consultations/new', { ...valid, organisation: 'Elternverein Fuldda', consulted_on: '2019-06-03', organisation_asked: typo, organisation_choice: 'new' });
    expect(changed.statusCode).toBe(400);
    expect(changed.body).toContain('Neue Organisation „Elternverein Fuldda“ anlegen');
    expect(await organisationCount()).toBe(organisations);
  });

  it('links a suggestion picked with JavaScript (organisation_id) while the name is one of its names', async () => {
    const picked = await post('/consultations/new', { ...valid, organisation: known, consulted_on: '2019-06-04', organisation_id: String(await idOf(db, known)) });
    expect(picked.statusCode).toBe(303);
    // typed over after picking: the id no longer counts and the form asks
    const typedOver = await post('/consultations/new', { ...valid, organisation: 'Kulturverein Giessn', consulted_on: '2019-06-05', organisation_id: String(await idOf(db, known)) });
    expect(typedOver.statusCode).toBe(400);
    expect(typedOver.body).toContain('Meinten Sie …?');
  });

  it('creates exactly one flagged organisation when the person explicitly says so, and says so', async () => {
    const organisations = await organisationCount();
    const name = 'Neuer Elternverein Fulda';
    const asked = await post('/consultations/new', { ...valid, organisation: name });
    expect(asked.statusCode).toBe(400);
    expect(await organisationCount()).toBe(organisations);
    const created = await post('/consultations/new', { ...valid, organisation: name, organisation_asked: name, organisation_choice: 'new' });
    expect(created.statusCode).toBe(303);
    expect(String(created.headers.location)).toContain('newOrganisation=1');
    expect(await organisationCount()).toBe(organisations + 1);
    const page = await get(String(created.headers.location));
    expect(page.body).toContain('Der Name „Neuer Elternverein Fulda“ passte zu keiner bekannten Organisation.');
    const organisation = await db.selectFrom('organisation').select(['needs_review', 'created_from']).where('id', '=', await idOf(db, name)).executeTakeFirstOrThrow();
    expect(organisation).toEqual({ needs_review: true, created_from: 'staff' });
  });

  it('names each invalid field in German and English, and refuses a second identical consultation', async () => {
    const bad = await post('/consultations/new', { consulted_on: '2019-02-30', organisation: '', channel: 'fax', topic: '', duration_minutes: 'viel', referral_cost_eur: '12,5x' });
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'Datum der Beratung: Geben Sie einen Tag an, den es gibt',
      'Organisation: Bitte ausfüllen.',
      'Weg: Wählen Sie einen Eintrag aus der Liste.',
      'Themen: Wählen Sie mindestens ein Thema.',
      'Dauer in Minuten: Geben Sie eine ganze Zahl von 0 bis 1440 an.',
      'Geschätzte Kosten in Euro: Geben Sie einen Betrag in Euro an',
    ]) expect(bad.body).toContain(message);
    expect(bad.body).toContain('href="#consulted_on"');
    const english = await post('/consultations/new?lang=en', { ...valid, follow_up_on: '2019-01-01', referral_cost_eur: '100' });
    expect(english.body).toContain('Follow-up on: the follow-up is before the date of the consultation.');
    expect(english.body).toContain('External expert or service: name the expert or service referred to, or delete the cost.');
    const twice = await post('/consultations/new', valid);
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('ist an diesem Tag schon eine Beratung auf demselben Weg zum selben Thema erfasst');
  });

  it('edits with an audit of the field names, lists due follow-ups and marks them done', async () => {
    const organisationId = await idOf(db, known);
    const form = await get(`/consultations/new?organisation=${organisationId}`);
    expect(form.body).toContain(`name="organisation_id" value="${organisationId}"`);
    const created = await post('/consultations/new', { ...valid, organisation: known, organisation_id: String(organisationId), channel: 'video', consulted_on: '2020-03-01' });
    const id = idFrom(created.headers.location);
    const edited = await post(`/consultations/${id}/edit`, { ...valid, organisation: known, channel: 'video', consulted_on: '2020-03-01', follow_up_on: '2020-04-01', outcome: 'Unterlagen fehlen' });
    expect(edited.statusCode).toBe(303);
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'consultation.update').where('subject_id', '=', String(id)).executeTakeFirstOrThrow();
    expect((audit.details as { fields: string[] }).fields.sort()).toEqual(['follow_up_on', 'outcome']);
    const list = await get('/consultations');
    expect(list.body).toMatch(/\d+ Wiedervorlagen? (ist|sind) fällig oder überfällig\./);
    const followUps = await get('/consultations/follow-ups');
    expect(followUps.body).toContain('überfällig');
    expect(followUps.body).toContain(`/consultations/${id}`);
    const due = await get('/consultations?followUp=due');
    expect(due.body).toContain('1 Beratung gefunden.');
    expect((await post(`/consultations/${id}/follow-up-done`, {})).statusCode).toBe(303);
    expect((await get('/consultations/follow-ups')).body).toContain('Keine Wiedervorlage ist fällig.');
  });

  it('approves a proposed referral, audited', async () => {
    const created = await post('/consultations/new', { ...valid, consulted_on: '2021-01-10', referral_expert: 'Kanzlei Vereinsrecht Müller', referral_cost_eur: '250,00' });
    const id = idFrom(created.headers.location);
    expect((await get(`/consultations/${id}`)).body).toContain('vorgeschlagen');
    const approved = await post(`/consultations/${id}/referral`, { decision: 'approved' });
    expect(approved.statusCode).toBe(303);
    const row = await db.selectFrom('consultation').select(['referral_status', 'referral_approved_by', 'referral_cost_eur']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ referral_status: 'approved', referral_approved_by: staff.accountId });
    expect(Number(row.referral_cost_eur)).toBe(250);
    const audit = await db.selectFrom('audit_log').select(['account_id']).where('action', '=', 'consultation.referral_approved').where('subject_id', '=', String(id)).execute();
    expect(audit).toEqual([{ account_id: staff.accountId }]);
    expect((await get(`/consultations/${id}?done=approved`)).body).toContain('Die Verweisung ist genehmigt.');
    const without = await post(`/consultations/${idFrom((await post('/consultations/new', { ...valid, consulted_on: '2021-02-01' })).headers.location)}/referral`, { decision: 'approved' });
    expect(without.statusCode).toBe(400);
    expect(without.body).toContain('Diese Beratung hat keine Verweisung.');
  });

  it('maintains the topic list: add, rename, deactivate, reorder', async () => {
    expect((await post('/consultations/topics', { action: 'add', de: 'Digitalisierung', en: 'Digitalisation' })).statusCode).toBe(303);
    expect((await post('/consultations/topics', { action: 'rename', key: 'mini_job', de: 'Minijob und Ehrenamtspauschale', en: 'Mini-job and volunteer allowance' })).statusCode).toBe(303);
    expect((await post('/consultations/topics', { action: 'deactivate', key: 'rooms' })).statusCode).toBe(303);
    expect((await post('/consultations/topics', { action: 'up', key: 'digitalisation' })).statusCode).toBe(303);
    const topics = await db.selectFrom('consultation_topic').selectAll().orderBy('position').execute();
    expect(topics.map((topic) => topic.key).slice(-2)).toEqual(['digitalisation', 'other']);
    expect(topics.find((topic) => topic.key === 'rooms')!.active).toBe(false);
    const form = await get('/consultations/new');
    expect(form.body).toContain('Minijob und Ehrenamtspauschale');
    expect(form.body).toContain('Digitalisierung');
    expect(form.body).not.toContain('value="rooms"');
    const refused = await post('/consultations/topics', { action: 'add', de: '', en: 'x' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Bezeichnung: Geben Sie die Bezeichnung auf Deutsch und auf Englisch an');
    expect((await get('/consultations/topics?lang=en')).body).toContain('Consultation topics');
  });

  it('keeps other roles out and answers 404 for an unknown consultation', async () => {
    const coordinator = await test.signIn('coordinator');
    expect((await test.app.inject({ method: 'GET', url: '/consultations', headers: { cookie: coordinator.cookie } })).statusCode).toBe(403);
    expect((await get('/consultations/999999')).statusCode).toBe(404);
    expect((await get('/consultations/abc/edit')).statusCode).toBe(404);
  });
  it('takes the day as staff write it (02.05.2019) and refuses one that does not exist, naming the field in German and English', async () => {
    const created = await post('/consultations/new', { ...valid, channel: 'email', consulted_on: '02.05.2019', follow_up_on: '1/6/2019' }); // another channel: not the same consultation as `valid`
    expect(created.statusCode).toBe(303);
    const row = await db.selectFrom('consultation').select(['consulted_on', 'follow_up_on']).where('id', '=', idFrom(created.headers.location)).executeTakeFirstOrThrow();
    // calendar days come back as 'YYYY-MM-DD' text (src/db/parsers.ts), never as an instant in some time zone
    expect([row.consulted_on, row.follow_up_on]).toEqual(['2019-05-02', '2019-06-01']);
    const german = await post('/consultations/new', { ...valid, consulted_on: '31.02.2026' });
    expect(german.statusCode).toBe(400);
    expect(german.body).toContain('Datum der Beratung: Geben Sie einen Tag an, den es gibt, als TT.MM.JJJJ');
    const english = await post('/consultations/new?lang=en', { ...valid, consulted_on: '31.02.2026' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Date of the consultation: enter a real calendar day as DD/MM/YYYY');
  });
});
