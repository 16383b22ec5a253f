import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { importRecords } from '../imports/index.js';

/**
 * A representative claims an organisation, staff confirm (or reject), and the
 * representative edits that organisation's profile, and no other.
 */

describe('organisation claims and the representative’s profile', () => {
  let test: TestApp;
  let db: Db;
  let staff: SignedIn;
  let representative: SignedIn;
  let ownId: number;
  let otherId: number;
  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    staff = await test.signIn('staff');
    representative = await test.signIn('representative');
    await db.updateTable('account').set({ display_name: 'Ayşe Demir' }).where('id', '=', representative.accountId).execute();
    const organisations = [
      { org_key: 'kv', name: 'Kulturverein Anadolu e.V.', municipality: 'Gießen', district: 'Landkreis Gießen', email: 'info@anadolu.example' },
      { org_key: 'fv', name: 'Frauenverein Kassel', municipality: 'Kassel', district: 'Stadt Kassel', email: 'kontakt@frauen.example' },
    ];
    expect((await importRecords(db, 'organizations', organisations)).problems).toEqual([]);
    const ids = await db.selectFrom('organisation').select(['id', 'org_key']).execute();
    ownId = ids.find((row) => row.org_key === 'kv')!.id;
    otherId = ids.find((row) => row.org_key === 'fv')!.id;
    await db.updateTable('organisation').set({ notes: 'Vorstand zerstritten – vertraulich' }).execute();
  });
  afterAll(async () => test?.close());

  const get = (url: string, session: SignedIn) => test.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const post = (url: string, session: SignedIn, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: session.csrfToken });
    for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(key, one);
    return test.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  };
  const claimIdOf = async (accountId: number) =>
    (await db.selectFrom('organisation_claim').select('id').where('account_id', '=', accountId).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

  it('searches by name (names and places only) and claims an organisation', async () => {
    const search = await get('/my/claim?q=anadolu%20kulturverein', representative);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('Kulturverein Anadolu e.V.');
    expect(search.body).toContain('(Gießen)');
    expect(search.body).not.toContain('info@anadolu.example');
    expect((await get('/my/claim?q=a', representative)).body).toContain('mindestens 2 Zeichen');
    const form = await get(`/my/claim?organisation=${ownId}`, representative);
    expect(form.body).toContain('Kulturverein Anadolu e.V. beanspruchen');
    const claimed = await post('/my/claim', representative, { organisation_id: String(ownId), role: 'board', message: 'Ich bin seit 2018 im Vorstand.' });
    expect(claimed.headers.location).toBe('/my?done=claimed');
    const again = await post('/my/claim', representative, { organisation_id: String(ownId), role: 'board', message: '' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Sie haben diese Organisation schon beansprucht');
    const my = await get('/my', representative);
    expect(my.body).toContain('Kulturverein Anadolu e.V. (Vorstand): in Prüfung seit');
    // not yet confirmed: the profile is not theirs
    expect((await get(`/organisations/${ownId}`, representative)).statusCode).toBe(404);
  });

  it('staff confirm: scope, person with role, mail, audit; the representative sees the profile without staff notes', async () => {
    const queue = await get('/claims', staff);
    expect(queue.body).toContain('Ayşe Demir');
    expect(queue.body).toContain('Ich bin seit 2018 im Vorstand.');
    const claimId = await claimIdOf(representative.accountId);
    const confirmed = await post(`/claims/${claimId}/confirm`, staff, {});
    expect(confirmed.headers.location).toBe('/claims?done=confirmed');
    expect(await db.selectFrom('account_scope').select('organisation_id').where('account_id', '=', representative.accountId).execute()).toEqual([{ organisation_id: ownId }]);
    const person = await db.selectFrom('person').selectAll().where('account_id', '=', representative.accountId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ full_name: 'Ayşe Demir', source: 'representative' });
    expect(await db.selectFrom('person_role').select(['organisation_id', 'role']).where('person_id', '=', person.id).execute()).toEqual([{ organisation_id: ownId, role: 'board' }]);
    const mail = await db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'claim.confirmed').executeTakeFirstOrThrow();
    // the account's language is German (nothing chosen): German alone (docs/languages.md)
    expect(mail.subject).toBe('Zuordnung bestätigt: Kulturverein Anadolu e.V.');
    const audit = await db.selectFrom('audit_log').select(['account_id', 'details']).where('action', '=', 'organisation_claim.confirm').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ account_id: staff.accountId, details: { organisationId: ownId, personId: person.id } });

    const my = await get('/my', representative);
    expect(my.body).toContain('Kulturverein Anadolu e.V.: bestätigt am');
    expect(my.body).toContain(`href="/organisations/${ownId}/edit"`);
    const profile = await get(`/organisations/${ownId}`, representative);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('info@anadolu.example');
    expect(profile.body).not.toContain('Vorstand zerstritten');
    expect(profile.body).not.toContain('/links/remove');
    // staff still see the notes
    expect((await get(`/organisations/${ownId}`, staff)).body).toContain('Vorstand zerstritten');
  });

  it('the representative edits only their fields; staff notes and place stay; audited as their change', async () => {
    const form = await get(`/organisations/${ownId}/edit`, representative);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="portrait_consent_by"');
    expect(form.body).not.toContain('name="notes"');
    expect(form.body).not.toContain('name="district"');
    expect(form.body).not.toContain('name="aliases"');
    expect(form.body).not.toContain('Vorstand zerstritten');
    const bad = await post(`/organisations/${ownId}/edit`, representative, { name: 'Kulturverein Anadolu e.V.', founded_year: '99', website: 'kein web' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#founded_year"');
    const saved = await post(`/organisations/${ownId}/edit`, representative, {
      name: 'Kulturverein Anadolu e.V.',
      legal_form: 'ev_gemeinnuetzig',
      founded_year: '1998',
      languages: 'Türkisch, Deutsch',
      fields: ['culture', 'education'],
      website: 'anadolu.example',
      portrait: 'Wir verbinden Generationen.',
      portrait_consent_by: 'Ayşe Demir',
      portrait_consent_on: '2026-11-01',
      portrait_consent_wording: 'portrait-2026-01',
      // not theirs: ignored
      notes: 'überschrieben',
      district: 'Stadt Kassel',
    });
    expect(saved.headers.location).toBe(`/organisations/${ownId}?done=saved`);
    const row = await db.selectFrom('organisation').selectAll().where('id', '=', ownId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      legal_form: 'ev_gemeinnuetzig',
      founded_year: 1998,
      languages: ['Türkisch', 'Deutsch'],
      fields: ['education', 'culture'],
      website: 'https://anadolu.example',
      portrait_consent_by: 'Ayşe Demir',
      notes: 'Vorstand zerstritten – vertraulich',
      district: 'Landkreis Gießen',
      email: null,
    });
    const audit = await db.selectFrom('audit_log').select(['account_id', 'details']).where('action', '=', 'organisation.update').where('subject_id', '=', String(ownId)).executeTakeFirstOrThrow();
    expect(audit.account_id).toBe(representative.accountId);
    expect((audit.details as { fields: string[] }).fields).not.toContain('notes');
  });

  it('gives a representative 404 for any other organisation, to read or to edit', async () => {
    expect((await get(`/organisations/${otherId}`, representative)).statusCode).toBe(404);
    expect((await get(`/organisations/${otherId}/edit`, representative)).statusCode).toBe(404);
    const edit = await post(`/organisations/${otherId}/edit`, representative, { name: 'Übernommen' });
    expect(edit.statusCode).toBe(404);
    expect((await db.selectFrom('organisation').select('name').where('id', '=', otherId).executeTakeFirstOrThrow()).name).toBe('Frauenverein Kassel');
    expect((await get('/organisations', representative)).statusCode).toBe(403);
  });

  it('rejects with a required note; the representative sees it and gets a mail', async () => {
    await post('/my/claim', representative, { organisation_id: String(otherId), role: 'member', message: '' });
    const claimId = await claimIdOf(representative.accountId);
    const noNote = await post(`/claims/${claimId}/reject`, staff, { note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Bitte begründen Sie die Ablehnung');
    expect(noNote.body).toContain(`href="#claim-${claimId}-note"`);
    expect((await post(`/claims/${claimId}/reject`, staff, { note: 'Bitte lassen Sie den Vorstand bestätigen.' })).headers.location).toBe('/claims?done=rejected');
    expect((await post(`/claims/${claimId}/confirm`, staff, {})).body).toContain('Über diese Anfrage wurde bereits entschieden.');
    const my = await get('/my', representative);
    expect(my.body).toContain('Frauenverein Kassel: abgelehnt am');
    expect(my.body).toContain('Hinweis des Zentrums: Bitte lassen Sie den Vorstand bestätigen.');
    const mail = await db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'claim.rejected').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain('Bitte lassen Sie den Vorstand bestätigen.');
    expect(await db.selectFrom('account_scope').select('organisation_id').where('account_id', '=', representative.accountId).execute()).toEqual([{ organisation_id: ownId }]);
  });

  it('tells a representative who switched to Turkish in Turkish, with the German text below', async () => {
    const turkish = await test.signIn('representative');
    expect((await post('/language', turkish, { language: 'tr', next: '/my' })).statusCode).toBe(303);
    await post('/my/claim', turkish, { organisation_id: String(otherId), role: 'board', message: '' });
    expect((await post(`/claims/${await claimIdOf(turkish.accountId)}/reject`, staff, { note: 'Bitte lassen Sie den Vorstand bestätigen.' })).statusCode).toBe(303);
    const mails = await db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('kind', '=', 'claim.rejected').orderBy('id', 'desc').execute();
    const mail = mails[0]!;
    expect(mail.subject).toBe('Bağlantı reddedildi: Frauenverein Kassel / Zuordnung abgelehnt: Frauenverein Kassel');
    const [inTurkish, inGerman] = mail.text_body.split('——————————');
    expect(inTurkish).toContain('Merhaba,');
    expect(inTurkish).toContain('Merkezin notu: Bitte lassen Sie den Vorstand bestätigen.');
    expect(inGerman).toContain('Das Zentrum konnte Ihre Anfrage für Frauenverein Kassel nicht bestätigen.');
  });

  it('a proposed organisation is created on confirmation; a taken name is linked instead', async () => {
    const other = await test.signIn('representative');
    const missing = await post('/my/claim', other, { organisation_id: '', proposed_name: '', role: 'contact' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Bitte füllen Sie „Name der Organisation“ aus.');
    await post('/my/claim', other, { proposed_name: 'Elternverein Lahn', proposed_municipality: 'Wetzlar', role: 'project_lead', message: '' });
    const created = await post(`/claims/${await claimIdOf(other.accountId)}/confirm`, staff, { existing: '' });
    expect(created.headers.location).toBe('/claims?done=confirmed');
    const organisation = await db.selectFrom('organisation').selectAll().where('name', '=', 'Elternverein Lahn').executeTakeFirstOrThrow();
    expect(organisation).toMatchObject({ municipality: 'Wetzlar', created_from: 'staff' });
    expect((await get(`/organisations/${organisation.id}`, other)).statusCode).toBe(200);

    await post('/my/claim', other, { proposed_name: 'Frauenverein Kassel', proposed_municipality: 'Kassel', role: 'member', message: '' });
    const claimId = await claimIdOf(other.accountId);
    const taken = await post(`/claims/${claimId}/confirm`, staff, { existing: '' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Eine Organisation „Frauenverein Kassel“ gibt es schon.');
    expect((await post(`/claims/${claimId}/confirm`, staff, { existing: 'frauenverein kassel' })).statusCode).toBe(303);
    expect((await get(`/organisations/${otherId}`, other)).statusCode).toBe(200);
    expect(await db.selectFrom('organisation').select('id').where('name', '=', 'Frauenverein Kassel').execute()).toHaveLength(1);
  });
});
