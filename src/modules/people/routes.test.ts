import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { todayInBerlin } from '../consultations/index.js';
import { importRecords } from '../imports/index.js';
import { organisationMeant } from './people.js';

describe('the people pages and API', () => {
  let test: TestApp;
  let db: Db;
  let staff: SignedIn;
  let coordinator: SignedIn;
  let giessen: number;
  let marburg: number;
  const today = todayInBerlin();

  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    staff = await test.signIn('staff');
    coordinator = await test.signIn('coordinator');
    await db.insertInto('account_scope').values({ account_id: coordinator.accountId, district: 'Landkreis Gießen', organisation_id: null }).execute();
    await importRecords(db, 'organizations', [
      { org_key: 'dtkv', name: 'Deutsch-Türkischer Kulturverein Gießen', district: 'Landkreis Gießen' },
      { org_key: 'afv', name: 'Afrikanischer Frauenverein Marburg', district: 'Landkreis Marburg-Biedenkopf' },
    ]);
    giessen = (await organisationMeant(db, 'Deutsch-Türkischer Kulturverein Gießen'))!;
    marburg = (await organisationMeant(db, 'Afrikanischer Frauenverein Marburg'))!;
  });
  afterAll(async () => test?.close());

  const get = (url: string, who: SignedIn = staff) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (url: string, fields: Record<string, string>, who: SignedIn = staff) =>
    test.app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, _csrf: who.csrfToken }).toString(),
    });
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, who: SignedIn = staff) =>
    test.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken }, payload: body as object | undefined });
  const auditOf = (id: number) => db.selectFrom('audit_log').select(['action', 'account_id', 'details']).where('subject_type', '=', 'person').where('subject_id', '=', String(id)).orderBy('id').execute();
  const idFrom = (location: unknown) => Number(/\/people\/(\d+)/.exec(String(location))![1]);

  let ayse: number;

  it('refuses an invalid form with messages naming each field, in German and English, and stores nothing', async () => {
    const response = await post('/people/new', { full_name: '  ', email: 'ayse@', phone: 'call me', preferred_language: 'fr' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Vollständiger Name: Bitte ausfüllen.');
    expect(response.body).toContain('E-Mail-Adresse: Geben Sie eine gültige E-Mail-Adresse an');
    expect(response.body).toContain('Telefon: Geben Sie nur Ziffern');
    expect(response.body).toContain('Bevorzugte Sprache: Wählen Sie einen Eintrag aus der Liste.');
    expect(response.body).toContain('href="#full_name"');
    expect(response.body).toContain('<title>Fehler: Person anlegen');
    const english = await post('/people/new?lang=en', { full_name: '', email: 'x' });
    expect(english.body).toContain('Full name: please fill in.');
    expect(english.body).toContain('E-mail address: enter a valid e-mail address');
    // the one address check of Mosaik: an umlaut before the @ is refused (most mail servers would refuse it later)
    const umlaut = await post('/people/new', { full_name: 'Jürgen Schäfer', email: 'jürgen@example.org' });
    expect(umlaut.statusCode).toBe(400);
    expect(umlaut.body).toContain('E-Mail-Adresse: Geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org; vor dem @ ohne Umlaute');
    const umlautEnglish = await post('/people/new?lang=en', { full_name: 'Jürgen Schäfer', email: 'jürgen@example.org' });
    expect(umlautEnglish.body).toContain('E-mail address: enter a valid e-mail address, for example name@example.org; before the @ without accents');
    expect(await db.selectFrom('person').select('id').execute()).toEqual([]);
  });

  it('creates and edits a person, auditing the changed field names only', async () => {
    const created = await post('/people/new', { full_name: 'Ayşe Yılmaz', email: 'ayse@example.org', phone: '+49 641 123456', preferred_language: 'tr', notes: 'Spricht auch Kurdisch' });
    expect(created.statusCode).toBe(303);
    ayse = idFrom(created.headers.location);
    const edited = await post(`/people/${ayse}/edit`, { full_name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@example.org', phone: '+49 641 123456', preferred_language: 'de', notes: 'Spricht auch Kurdisch' });
    expect(edited.headers.location).toBe(`/people/${ayse}?done=saved`);
    const page = await get(`/people/${ayse}?done=saved`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Die Änderungen wurden gespeichert.');
    expect(page.body).toContain('ayse.yilmaz@example.org');
    const entries = await auditOf(ayse);
    expect(entries.map((entry) => entry.action)).toEqual(['person.create', 'person.update', 'person.read']);
    expect(entries[1].details).toEqual({ fields: ['email', 'preferred_language'] });
    expect(entries[2].account_id).toBe(staff.accountId);
    expect(JSON.stringify(entries)).not.toContain('example.org');
    const form = await get(`/people/${ayse}/edit`);
    expect(form.body).toContain('value="ayse.yilmaz@example.org"');
  });

  it('adds, ends and removes roles; the organisation profile links to its people', async () => {
    const unknown = await post(`/people/${ayse}/roles`, { organisation: 'Verein Nirgendwo', role: 'board' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Organisation: Keine Organisation mit diesem Namen gefunden.');
    expect(unknown.body).toContain('href="#role-organisation"');
    const badPeriod = await post(`/people/${ayse}/roles`, { organisation: 'Deutsch-Türkischer Kulturverein Gießen', role: 'board', since: '2024-01-01', until: '2023-01-01' });
    expect(badPeriod.body).toContain('Bis (Datum, optional): Das Ende liegt vor dem Beginn.');
    expect((await post(`/people/${ayse}/roles`, { organisation: 'Deutsch-Türkischer Kulturverein Gießen', role: 'board', since: '2024-01-01' })).statusCode).toBe(303);
    expect((await post(`/people/${ayse}/roles`, { organisation: String(marburg), role: 'contact' })).statusCode).toBe(303);
    expect((await post(`/people/${ayse}/roles`, { organisation: String(marburg), role: 'member' })).statusCode).toBe(303);
    const duplicate = await post(`/people/${ayse}/roles`, { organisation: String(marburg), role: 'contact' });
    expect(duplicate.body).toContain('Rolle: Diese Rolle in dieser Organisation ist schon erfasst.');
    expect((await post(`/people/${ayse}/roles/end`, { organisation_id: String(marburg), role: 'contact' })).statusCode).toBe(303);
    expect((await post(`/people/${ayse}/roles/remove`, { organisation_id: String(marburg), role: 'member' })).statusCode).toBe(303);
    expect((await post(`/people/${ayse}/roles/remove`, { organisation_id: String(marburg), role: 'member' })).statusCode).toBe(400);
    const page = await get(`/people/${ayse}`);
    expect(page.body).toContain('Vorstand</span>:');
    expect(page.body).toMatch(/Ansprechperson<\/span>:.*beendet/s);
    expect(page.body).not.toContain('Mitglied</span>');
    const actions = (await auditOf(ayse)).map((entry) => entry.action);
    expect(actions.filter((action) => action.startsWith('person.role'))).toEqual(['person.role.add', 'person.role.add', 'person.role.add', 'person.role.end', 'person.role.remove']);
    const profile = await get(`/organisations/${giessen}`);
    expect(profile.body).toContain(`href="/people?organisation=${giessen}"`);
    const list = await get(`/people?organisation=${giessen}`);
    expect(list.body).toContain('Personen von Deutsch-Türkischer Kulturverein Gießen');
    expect(list.body).toContain('Ayşe Yılmaz');
    expect((await get(`/people?organisation=${marburg}`)).body).toContain('Keine Person passt zur Suche.');
  });

  it('records and withdraws consents, showing given and withdrawn dates and keeping the history', async () => {
    const unknown = await post(`/people/${ayse}/consents`, { wording: 'directory:1999', given_on: '2026-02-01', source: 'paper' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Einwilligungstext: Diese Fassung des Einwilligungstextes gibt es nicht.');
    const early = await post(`/people/${ayse}/consents`, { wording: 'directory:2026-01', given_on: '2025-06-01', source: 'paper' });
    expect(early.body).toContain('Erteilt am: An diesem Tag galt diese Fassung des Textes noch nicht.');
    const missing = await post(`/people/${ayse}/consents`, { wording: '', given_on: 'gestern' });
    expect(missing.body).toContain('Einwilligungstext: Bitte ausfüllen.');
    expect(missing.body).toContain('Erteilt am: Geben Sie einen Tag an, den es gibt, als TT.MM.JJJJ');
    expect(missing.body).toContain('Erteilt über: Bitte ausfüllen.');
    expect((await post(`/people/${ayse}/consents`, { wording: 'newsletter:2026-01', given_on: '2026-01-15', source: 'form' })).statusCode).toBe(303);
    const consent = await db.selectFrom('consent').select('id').where('person_id', '=', ayse).executeTakeFirstOrThrow();
    const late = await post(`/people/${ayse}/consents/${consent.id}/withdraw`, { withdrawn_on: '2026-01-01', withdrawal_source: 'paper' });
    expect(late.body).toContain('Widerrufen am: Der Widerruf liegt vor dem Tag der Einwilligung.');
    expect(late.body).toContain(`href="#withdraw-${consent.id}-withdrawn_on"`);
    expect((await post(`/people/${ayse}/consents/${consent.id}/withdraw`, { withdrawn_on: today, withdrawal_source: 'paper' })).statusCode).toBe(303);
    const page = await get(`/people/${ayse}`);
    expect(page.body).toContain('erteilt am 15.01.2026 (Online-Formular)');
    expect(page.body).toMatch(/widerrufen am \d\d\.\d\d\.\d{4} \(Papier\)/);
    expect(page.body).toContain('Ich möchte den Newsletter des Kompetenzzentrums per E-Mail erhalten.');
    expect(await db.selectFrom('consent').select('id').where('person_id', '=', ayse).execute()).toHaveLength(1);
    const english = await get(`/people/${ayse}?lang=en`);
    expect(english.body).toContain('given on 15 Jan 2026 (online form)');
    const actions = (await auditOf(ayse)).map((entry) => entry.action);
    expect(actions).toContain('person.consent.record');
    expect(actions).toContain('person.consent.withdraw');
  });

  it('lets a coordinator read persons of their districts only: name, language, roles; contact with a directory consent', async () => {
    const lena = idFrom((await post('/people/new', { full_name: 'Lena Roth', email: 'lena@example.org' })).headers.location);
    await post(`/people/${lena}/roles`, { organisation: String(marburg), role: 'board' });
    expect((await get(`/people/${lena}`, coordinator)).statusCode).toBe(404);
    const page = await get(`/people/${ayse}`, coordinator);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ayşe Yılmaz');
    expect(page.body).toContain('Nicht sichtbar: Die Person hat nicht in das Verzeichnis eingewilligt.');
    expect(page.body).not.toContain('ayse.yilmaz@example.org');
    expect(page.body).not.toContain('Kurdisch');
    expect(page.body).not.toContain('Einwilligungen');
    expect(page.body).not.toContain('Afrikanischer Frauenverein'); // a role outside the districts
    expect((await auditOf(ayse)).at(-1)).toMatchObject({ action: 'person.read', account_id: coordinator.accountId });
    await post(`/people/${ayse}/consents`, { wording: 'directory:2026-01', given_on: '2026-01-15', source: 'paper' });
    expect((await get(`/people/${ayse}`, coordinator)).body).toContain('ayse.yilmaz@example.org');
    const list = await get('/people', coordinator);
    expect(list.body).toContain('Ayşe Yılmaz');
    expect(list.body).not.toContain('Lena Roth');
    const elsewhere = await get(`/people?organisation=${marburg}`, coordinator);
    expect(elsewhere.body).not.toContain('Afrikanischer Frauenverein');
    expect(elsewhere.body).toContain('Keine Person passt zur Suche.');
    expect((await get(`/people/${ayse}/edit`, coordinator)).statusCode).toBe(403);
    const representative = await test.signIn('representative');
    expect((await get(`/people/${ayse}`, representative)).statusCode).toBe(403);
  });

  it('serves the API with the same rules, documented in OpenAPI', async () => {
    const bad = await api('POST', '/api/v1/people', { fullName: '', email: 'nope', preferredLanguage: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('fullName');
    expect(bad.json().message).toContain('email');
    expect(bad.json().message_en).toContain('is not a valid e-mail address');
    expect([...new Set(bad.json().issues.map((issue: { field: string }) => issue.field))]).toEqual(['fullName', 'email', 'preferredLanguage']);
    expect(bad.json().issues.at(-1).message).toContain('de, en, tr, ar, ru, uk');
    expect((await api('PATCH', `/api/v1/people/${ayse}`, { shoeSize: 42 })).json().message).toContain('shoeSize');
    const created = await api('POST', '/api/v1/people', { fullName: 'Mehmet Demir', phone: '0641 999', preferredLanguage: 'ar' });
    expect(created.statusCode).toBe(201);
    const mehmet = created.json();
    expect(mehmet).toMatchObject({ fullName: 'Mehmet Demir', phone: '0641 999', email: null, preferredLanguage: 'ar', roles: [], consents: [] });
    const patched = await api('PATCH', `/api/v1/people/${mehmet.id}`, { email: 'mehmet@example.org', phone: null });
    expect(patched.json()).toMatchObject({ email: 'mehmet@example.org', phone: null, fullName: 'Mehmet Demir' });
    expect((await auditOf(mehmet.id)).map((entry) => [entry.action, entry.details])).toEqual([
      ['person.create', { fields: ['full_name', 'phone', 'preferred_language'] }],
      ['person.update', { fields: ['email', 'phone'] }],
    ]);
    expect((await api('PATCH', '/api/v1/people/999999', { phone: null })).statusCode).toBe(404);
    const one = await api('GET', `/api/v1/people/${ayse}`);
    expect((await auditOf(ayse)).at(-1)).toMatchObject({ action: 'person.read', details: { via: 'api' } });
    expect(one.json().consents.map((consent: { purpose: string; active: boolean }) => [consent.purpose, consent.active])).toEqual([
      ['directory', true],
      ['newsletter', false],
    ]);
    const list = await api('GET', '/api/v1/people?q=mehmed&limit=5');
    expect(list.json().items.map((item: { fullName: string }) => item.fullName)).toEqual(['Mehmet Demir']);
    const asCoordinator = await api('GET', `/api/v1/people/${ayse}`, undefined, coordinator);
    expect(asCoordinator.json()).toMatchObject({ contactVisible: true, notes: null, consents: [], roles: [expect.objectContaining({ organisationId: giessen })] });
    expect((await api('GET', `/api/v1/people/${mehmet.id}`, undefined, coordinator)).statusCode).toBe(404);
    expect((await api('POST', '/api/v1/people', { fullName: 'X' }, coordinator)).statusCode).toBe(403);
    const openapi = (test.app as unknown as { swagger(): { paths: Record<string, Record<string, { tags?: string[] }>> } }).swagger();
    expect(openapi.paths['/api/v1/people'].get.tags).toEqual(['people']);
    expect(openapi.paths['/api/v1/people/{id}'].patch.tags).toEqual(['people']);
    expect(openapi.paths['/people']).toBeUndefined();
  });

  it('shows an erased person as "Gelöscht" without data and refuses changes', async () => {
    const eva = idFrom((await post('/people/new', { full_name: 'Eva Muster', email: 'eva@example.org' })).headers.location);
    await db.updateTable('person').set({ erased_at: new Date(), email: null, phone: null, notes: null }).where('id', '=', eva).execute();
    const page = await get(`/people/${eva}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="kern-heading-large">Gelöscht</h1>');
    expect(page.body).not.toContain('Eva Muster');
    expect((await get('/people')).body).toMatch(new RegExp(`href="/people/${eva}">Gelöscht<`));
    expect((await get(`/people/${eva}/edit`)).statusCode).toBe(404);
    expect((await post(`/people/${eva}/roles`, { organisation: String(giessen), role: 'member' })).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/people/${eva}`)).json()).toMatchObject({ fullName: null, erased: true, email: null });
    expect((await get('/people/abc')).statusCode).toBe(404);
  });
});
