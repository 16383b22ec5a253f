import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { importRecords, type ImportKind } from '../imports/index.js';
import { findOrganisationIds } from './matching.js';
import { mergeOrganisations } from './merge.js';
import { normaliseName } from '../names/index.js';

const dtkv = 'Deutsch-Türkischer Kulturverein Gießen e.V.';

async function load(db: Db, kind: ImportKind, records: Record<string, string>[]) {
  const outcome = await importRecords(db, kind, records);
  expect(outcome.problems).toEqual([]);
}

const idOf = async (db: Db, name: string) => (await findOrganisationIds(db, [normaliseName(name)])).get(normaliseName(name))!;

describe('the organisation directory, profiles and timeline', () => {
  let test: TestApp;
  let db: Db;
  let staff: SignedIn;
  let coordinator: SignedIn;
  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    staff = await test.signIn('staff');
    coordinator = await test.signIn('coordinator');
    await db.insertInto('account_scope').values({ account_id: coordinator.accountId, district: 'Gießen', organisation_id: null }).execute();
    await load(db, 'organizations', [
      { org_key: 'dtkv', name: dtkv, aliases: 'DTKV', legal_form: 'ev_gemeinnuetzig', district: 'Gießen', municipality: 'Gießen', fields: 'culture|education', orientation: 'community' },
      { org_key: 'afv', name: 'Afrikanischer Frauenverein Marburg', legal_form: 'ev', district: 'Marburg-Biedenkopf', fields: 'women' },
      { org_key: 'jk', name: 'Jugendkulturinitiative Wetzlar', legal_form: 'initiative', district: 'Lahn-Dill-Kreis', fields: 'youth|culture' },
      { org_key: 'dach', name: 'Dachverband Migrantenorganisationen Hessen', legal_form: 'ev', district: 'Frankfurt am Main' },
    ]);
    await load(db, 'events', [
      { event_key: 'ev-1', title: 'Netzwerktreffen Mittelhessen', format: 'regional_network_meeting', start_date: '2023-03-01' },
      { event_key: 'ev-2', title: 'Schreibwerkstatt Anträge', format: 'writing_workshop', start_date: '2024-05-10' },
    ]);
    await load(db, 'participants', [
      { event_key: 'ev-1', organization: 'DTKV', person: 'Ayşe Yılmaz' },
      { event_key: 'ev-1', organization: dtkv, person: 'Mehmet Demir' },
      { event_key: 'ev-2', organization: dtkv, person: 'Ayşe Yılmaz' },
      { event_key: 'ev-2', organization: 'Kulturverein Neu Gießen', person: 'Eva Roth' },
    ]);
    await load(db, 'consultations', [{ date: '2024-02-01', organization: dtkv, channel: 'phone', topic: 'Vereinsrecht', duration_minutes: '45' }]);
    await load(db, 'grants', [{ year: '2023', organization: dtkv, application_type: 'new', status: 'approved', approved_on: '2023-06-01', summary: 'Hausaufgabenhilfe', amount_eur: '2000' }]);
  });
  afterAll(async () => test?.close());

  const get = (url: string, who: SignedIn = staff) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (url: string, fields: Record<string, string | string[]>, who: SignedIn = staff) => {
    const body = new URLSearchParams({ _csrf: who.csrfToken });
    for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
    return test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  };
  const search = async (query: string, who: SignedIn = staff) => {
    const response = await get(`/api/v1/organisations?${query}`, who);
    expect(response.statusCode).toBe(200);
    return response.json() as { total: number; items: { id: number; name: string; matchedName: string | null; district: string | null }[] };
  };

  it('finds organisations despite typos, missing umlauts, legal forms and by acronym alias', async () => {
    expect((await search('q=Kulturverien')).items[0].name).toBe(dtkv);
    expect((await search('q=Deutsch-Turkischer%20Kulturverein%20Giessen')).items[0].name).toBe(dtkv);
    expect((await search('q=giessen')).items.map((item) => item.name)).toContain(dtkv);
    const acronym = await search('q=dtkv');
    expect(acronym.items[0]).toMatchObject({ name: dtkv, matchedName: 'DTKV' });
    expect((await search('q=Frauenverein%20e.V.')).items[0].name).toBe('Afrikanischer Frauenverein Marburg');
    expect((await search('q=Jugendk')).items[0].name).toBe('Jugendkulturinitiative Wetzlar');
    expect((await search('q=Zahnarztpraxis')).total).toBe(0);
  });

  it('filters by district, legal form, field, review state and approved grant, and pages', async () => {
    expect((await search('district=Gie%C3%9Fen')).items.map((item) => item.name).sort()).toEqual([dtkv]);
    expect((await search('legalForm=ev')).items.map((item) => item.name).sort()).toEqual(['Afrikanischer Frauenverein Marburg', 'Dachverband Migrantenorganisationen Hessen']);
    expect((await search('field=culture&sort=name')).items.map((item) => item.name)).toEqual([dtkv, 'Jugendkulturinitiative Wetzlar']);
    expect((await search('needsReview=true')).items.map((item) => item.name)).toEqual(['Kulturverein Neu Gießen']);
    expect((await search('grantYear=2023')).items.map((item) => item.name)).toEqual([dtkv]);
    expect((await search('grantYear=2024')).total).toBe(0);
    const firstPage = await search('limit=2&offset=0');
    const secondPage = await search('limit=2&offset=2');
    expect(firstPage.total).toBe(5);
    expect([...firstPage.items, ...secondPage.items].map((item) => item.name)).toEqual([
      'Afrikanischer Frauenverein Marburg',
      'Dachverband Migrantenorganisationen Hessen',
      dtkv,
      'Jugendkulturinitiative Wetzlar',
    ]);
    expect((await get('/api/v1/organisations?legalForm=verein')).statusCode).toBe(400);

    const page = await get('/organisations?q=kultur&field=culture');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2 Organisationen gefunden');
    expect(page.body).toContain('Jugendkulturinitiative Wetzlar');
    expect(page.body).toContain(`href="/organisations/${await idOf(db, dtkv)}"`);
    expect(page.body).not.toContain('Afrikanischer Frauenverein');
    expect((await get('/organisations?q=kultur&lang=en')).body).toContain('3 organisations found');
  });

  it('shows a coordinator only the organisations of their districts', async () => {
    // "Kulturverein Neu Gießen" came from an attendance list without a district: not within any scope
    expect((await search('', coordinator)).items.map((item) => item.name)).toEqual([dtkv]);
    expect((await search('q=Frauenverein', coordinator)).total).toBe(0);
    const own = await get(`/organisations/${await idOf(db, dtkv)}`, coordinator);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('Profil bearbeiten');
    expect((await get(`/organisations/${await idOf(db, 'Afrikanischer Frauenverein Marburg')}`, coordinator)).statusCode).toBe(404);
    const list = await get('/organisations', coordinator);
    expect(list.body).not.toContain('Afrikanischer Frauenverein');
    expect(list.body).not.toContain('Neue Organisation anlegen');
    // a coordinator without districts sees nothing
    const unscoped = await test.signIn('coordinator');
    expect((await search('', unscoped)).total).toBe(0);
  });

  it('shows the profile with names, review notice and a timeline of events, consultations, grants and changes', async () => {
    const id = await idOf(db, dtkv);
    const response = await get(`/organisations/${id}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('DTKV');
    expect(body).toContain('gemeinnütziger e. V.');
    expect(body).toContain('Kultur, Bildung');
    // "Kulturverein Neu Gießen" came from a list and has a similar name
    expect(body).toMatch(/Es gibt 1 Organisation mit ähnlichem Namen/);
    expect(body).toContain('href="/organisations/review"');
    const timeline = body.slice(body.indexOf('section-timeline'));
    expect(timeline).toContain('Schreibwerkstatt Anträge (Schreibwerkstatt), 1 Person');
    expect(timeline).toContain('Netzwerktreffen Mittelhessen (Regionales Vernetzungstreffen), 2 Personen');
    expect(timeline).toContain('Telefon, Vereinsrecht, 45 Minuten');
    expect(timeline).toContain('Förderjahr 2023, Erstantrag, bewilligt');
    // newest first
    expect(timeline.indexOf('Schreibwerkstatt Anträge')).toBeLessThan(timeline.indexOf('Vereinsrecht'));
    expect(timeline.indexOf('Vereinsrecht')).toBeLessThan(timeline.indexOf('Förderjahr 2023'));
    expect(timeline.indexOf('Förderjahr 2023')).toBeLessThan(timeline.indexOf('Netzwerktreffen Mittelhessen'));
    const flagged = await get(`/organisations/${await idOf(db, 'Kulturverein Neu Gießen')}?lang=en`);
    expect(flagged.body).toContain('is in the review queue');
    expect((await get('/organisations/999999')).statusCode).toBe(404);
    expect((await get('/organisations/abc')).statusCode).toBe(404);
  });

  it('pages a long timeline', async () => {
    const id = await idOf(db, 'Jugendkulturinitiative Wetzlar');
    await load(
      db,
      'consultations',
      Array.from({ length: 25 }, (_, index) => ({ date: `2022-01-${String(index + 1).padStart(2, '0')}`, organization: 'Jugendkulturinitiative Wetzlar', channel: 'email', topic: `Thema ${index + 1}` })),
    );
    const first = await get(`/organisations/${id}`);
    expect(first.body).toContain('Thema 25');
    expect(first.body).not.toContain('Thema 5<');
    expect(first.body).toContain(`href="/organisations/${id}?timeline=2#section-timeline"`);
    const second = await get(`/organisations/${id}?timeline=2`);
    expect(second.body).toContain('Thema 5<');
    expect(second.body).toContain('Neuere Einträge');
    expect(second.body).not.toContain('Ältere Einträge');
  });

  it('refuses an invalid edit with an error summary naming each field, in German and English', async () => {
    const id = await idOf(db, 'Afrikanischer Frauenverein Marburg');
    const invalid = { name: 'Afrikanischer Frauenverein Marburg', founded_year: 'neunzehnhundert', email: 'kein-mail', postcode: '123', portrait_published: 'yes' };
    const response = await post(`/organisations/${id}/edit`, invalid);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Bitte korrigieren Sie diese Angaben');
    expect(response.body).toContain('href="#founded_year"');
    expect(response.body).toContain('Gründungsjahr: Geben Sie ein Jahr zwischen 1800 und 2100 an');
    expect(response.body).toContain('E-Mail: Geben Sie eine gültige E-Mail-Adresse an');
    expect(response.body).toContain('Postleitzahl: Geben Sie eine Postleitzahl mit 5 Ziffern an');
    expect(response.body).toContain('Porträt veröffentlichen: Ein Porträt wird nur mit Einwilligung veröffentlicht');
    expect(response.body).toContain('value="neunzehnhundert"');
    const english = await post(`/organisations/${id}/edit?lang=en`, { ...invalid, name: '' });
    expect(english.body).toContain('Name: enter a name.');
    expect(english.body).toContain('Year founded: enter a year between 1800 and 2100');
  });

  it('saves an edit, writes the changed field names (not values) to the audit log, and keeps the old name as an alias', async () => {
    const id = await idOf(db, 'Afrikanischer Frauenverein Marburg');
    const form = {
      name: 'Afrikanische Frauen Marburg',
      aliases: 'AFM',
      legal_form: 'ev',
      district: 'Marburg-Biedenkopf',
      fields: ['women', 'health'],
      communities: 'ghanaisch, nigerianisch',
      rooms: 'shared',
      founded_year: '2009',
      email: 'info@afm.example',
      portrait: 'Wir stärken Frauen.',
      portrait_consent_by: 'Grace Mensah',
      portrait_consent_on: '2024-03-15',
      portrait_consent_wording: '2024-1',
      portrait_published: 'yes',
    };
    const response = await post(`/organisations/${id}/edit`, form);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/organisations/${id}?done=saved`);
    const audit = await db.selectFrom('audit_log').select(['action', 'details', 'account_id']).where('subject_id', '=', String(id)).where('action', '=', 'organisation.update').executeTakeFirstOrThrow();
    expect(audit.account_id).toBe(staff.accountId);
    const details = (typeof audit.details === 'string' ? JSON.parse(audit.details) : audit.details) as { fields: string[] };
    expect(details.fields.sort()).toEqual(
      ['name', 'aliases', 'founded_year', 'communities', 'fields', 'rooms', 'email', 'portrait', 'portrait_consent_by', 'portrait_consent_on', 'portrait_consent_wording', 'portrait_published'].sort(),
    );
    expect(JSON.stringify(audit.details)).not.toContain('Grace');
    // the old name still finds the organisation, in imports and the directory
    expect(await idOf(db, 'Afrikanischer Frauenverein Marburg')).toBe(id);
    expect(await idOf(db, 'AFM')).toBe(id);
    expect((await search('q=Afrikanischer%20Frauenverein')).items[0]).toMatchObject({ id, name: 'Afrikanische Frauen Marburg' });
    const profile = await get(`/organisations/${id}?done=saved`);
    expect(profile.body).toContain('Die Änderungen sind gespeichert.');
    expect(profile.body).toContain('ghanaisch, nigerianisch');
    expect(profile.body).toContain('Einwilligung von Grace Mensah am 15.03.2024 (Textfassung 2024-1)');
    expect(profile.body).toContain('bearbeitet: Name, Weitere Namen und Kürzel, Gründungsjahr, Communitys');
    // the same form again changes nothing and writes no entry
    const edit = await get(`/organisations/${id}/edit`);
    expect(edit.body).toContain('value="Afrikanische Frauen Marburg"');
    expect(edit.body).toContain('AFM\nAfrikanischer Frauenverein Marburg</textarea>');
    const again = await post(`/organisations/${id}/edit`, { ...form, aliases: 'AFM\nAfrikanischer Frauenverein Marburg' });
    expect(again.statusCode).toBe(303);
    const updates = await db.selectFrom('audit_log').select('id').where('subject_id', '=', String(id)).where('action', '=', 'organisation.update').execute();
    expect(updates).toHaveLength(1);
  });

  it('refuses to create or rename to a name another organisation holds, linking to it', async () => {
    const existing = await idOf(db, dtkv);
    const created = await post('/organisations/new', { name: 'Deutsch Türkischer Kulturverein Giessen' });
    expect(created.statusCode).toBe(400);
    expect(created.body).toContain(`href="/organisations/${existing}"`);
    expect(created.body).toContain(`Name: „Deutsch Türkischer Kulturverein Giessen“ ist schon ein Name von „${dtkv}“`);
    const alias = await post(`/organisations/${await idOf(db, 'Jugendkulturinitiative Wetzlar')}/edit`, { name: 'Jugendkulturinitiative Wetzlar', aliases: 'dtkv' });
    expect(alias.statusCode).toBe(400);
    expect(alias.body).toContain('Weitere Namen und Kürzel: „dtkv“ ist schon ein Name von');
    // the one address check of Mosaik: an umlaut before the @ is refused, naming the field
    const umlaut = await post('/organisations/new', { name: 'Schwäbischer Kulturverein Fulda', email: 'jürgen@example.org' });
    expect(umlaut.statusCode).toBe(400);
    expect(umlaut.body).toContain('E-Mail: Geben Sie eine gültige E-Mail-Adresse an, z. B. info@beispielverein.de; vor dem @ ohne Umlaute');
    const umlautEnglish = await post('/organisations/new?lang=en', { name: 'Schwäbischer Kulturverein Fulda', email: 'jürgen@example.org' });
    expect(umlautEnglish.body).toContain('E-mail: enter a valid e-mail address, e.g. info@example-association.de; before the @ without accents');

    const fresh = await post('/organisations/new', { name: 'Eritreischer Elternverein Kassel e. V.', district: 'Kassel', legal_form: 'ev' });
    expect(fresh.statusCode).toBe(303);
    const id = await idOf(db, 'Eritreischer Elternverein Kassel');
    expect(fresh.headers.location).toBe(`/organisations/${id}?done=created`);
    const row = await db.selectFrom('organisation').select(['created_from', 'needs_review', 'district']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ created_from: 'staff', needs_review: false, district: 'Kassel' });
    const audit = await db.selectFrom('audit_log').select('action').where('subject_type', '=', 'organisation').where('subject_id', '=', String(id)).execute();
    expect(audit).toEqual([{ action: 'organisation.create' }]);
  });

  it('links an organisation to its umbrella body, shown on both profiles', async () => {
    const member = await idOf(db, dtkv);
    const umbrella = await idOf(db, 'Dachverband Migrantenorganisationen Hessen');
    const added = await post(`/organisations/${member}/links`, { name: 'Dachverband Migrantenorganisationen Hessen e.V.', kind: 'member_of', since: '2015' });
    expect(added.statusCode).toBe(303);
    expect((await get(`/organisations/${member}`)).body).toContain(`href="/organisations/${umbrella}">Dachverband Migrantenorganisationen Hessen</a> <span class="kern-body--small">(Mitglied im Dachverband, seit 2015)`);
    expect((await get(`/organisations/${umbrella}`)).body).toContain(`href="/organisations/${member}">${dtkv}</a>`);
    const unknown = await post(`/organisations/${member}/links`, { name: 'Gibt es nicht', kind: 'network', since: '' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('„Gibt es nicht“ kennt Mosaik nicht');
    const removed = await post(`/organisations/${member}/links/remove`, { to: String(umbrella), kind: 'member_of' });
    expect(removed.statusCode).toBe(303);
    expect(await db.selectFrom('organisation_link').selectAll().execute()).toEqual([]);
  });

  it('moves links in a merge, dropping the one the survivor already has and one that would point at itself', async () => {
    const survivor = await idOf(db, dtkv);
    const merged = await idOf(db, 'Kulturverein Neu Gießen');
    const umbrella = await idOf(db, 'Dachverband Migrantenorganisationen Hessen');
    const network = await idOf(db, 'Jugendkulturinitiative Wetzlar');
    await db
      .insertInto('organisation_link')
      .values([
        { from_organisation_id: survivor, to_organisation_id: umbrella, kind: 'member_of', since_year: 2015 },
        { from_organisation_id: merged, to_organisation_id: umbrella, kind: 'member_of', since_year: 2020 },
        { from_organisation_id: merged, to_organisation_id: network, kind: 'network', since_year: null },
        { from_organisation_id: merged, to_organisation_id: survivor, kind: 'network', since_year: null },
      ])
      .execute();
    const outcome = await mergeOrganisations(db, { survivorId: survivor, mergedId: merged, accountId: staff.accountId });
    expect(outcome.moved.organisation_link).toBe(1);
    expect(outcome.dropped.organisation_link).toBe(2);
    const links = await db.selectFrom('organisation_link').select(['from_organisation_id', 'to_organisation_id', 'kind', 'since_year']).orderBy('kind').execute();
    expect(links).toEqual([
      { from_organisation_id: survivor, to_organisation_id: umbrella, kind: 'member_of', since_year: 2015 },
      { from_organisation_id: survivor, to_organisation_id: network, kind: 'network', since_year: null },
    ]);
    const timeline = (await get(`/organisations/${survivor}`)).body;
    expect(timeline).toContain('zusammengeführt mit „Kulturverein Neu Gießen“');
  });
});
