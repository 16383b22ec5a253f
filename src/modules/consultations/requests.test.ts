import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import type { Db } from '../../db/connection.js';
import { addOrganisationScopes } from '../identity/index.js';
import { importRecords } from '../imports/index.js';
import { findOrganisationIds } from '../organisations/index.js';
import { normaliseName } from '../names/index.js';

const ours = 'Eritreischer Kulturverein Kassel';
const theirs = 'Afghanischer Frauenverein Gießen';
const idOf = async (db: Db, name: string) => (await findOrganisationIds(db, [normaliseName(name)])).get(normaliseName(name))!;

describe('consultation requests from representatives', () => {
  let test: TestApp;
  let db: Db;
  let staff: SignedIn;
  let representative: SignedIn;
  let other: SignedIn;
  let oursId: number;
  let theirsId: number;
  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    expect((await importRecords(db, 'organizations', [{ org_key: 'ek', name: ours }, { org_key: 'af', name: theirs }])).problems).toEqual([]);
    [oursId, theirsId] = [await idOf(db, ours), await idOf(db, theirs)];
    staff = await test.signIn('staff');
    representative = await test.signIn('representative');
    other = await test.signIn('representative');
    await db.updateTable('account').set({ display_name: 'Semhar Tesfay' }).where('id', '=', representative.accountId).execute();
    await addOrganisationScopes(db, representative.accountId, [oursId]);
    await addOrganisationScopes(db, other.accountId, [theirsId]);
  });
  afterAll(async () => test?.close());

  const get = (who: SignedIn, url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (who: SignedIn, url: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: who.csrfToken });
    for (const [key, value] of Object.entries(fields)) for (const each of [value].flat()) body.append(key, each);
    return test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  };
  const valid = () => ({
    organisation_id: String(oursId),
    topics: ['association_law', 'application'],
    channel: 'video',
    preferred_times: 'Dienstag ab 18 Uhr',
    message: 'Wir wollen ein e.V. werden.',
    contact_phone: '0561 123456',
    contact_email: 'semhar@example.org',
  });
  const outbox = (kind: string) => db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body']).where('kind', '=', kind).execute();
  const requestRow = (id: number) => db.selectFrom('consultation_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  let requestId: number;

  it('offers the form with only the representative’s organisation, chosen already, in plain German and in English', async () => {
    const form = await get(representative, '/my/consultation-requests/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Beratung anfragen');
    expect(form.body).toContain(`type="radio" id="organisation_id" name="organisation_id" value="${oursId}" checked`);
    expect(form.body).not.toContain(theirs);
    expect(form.body).toContain('<legend class="kern-label">Themen</legend>');
    expect(form.body).toContain('Vereinsrecht');
    expect(form.body).toContain('value="in_person"');
    expect(form.body).toContain('name="viewport"');
    const english = await get(representative, '/my/consultation-requests/new?lang=en');
    expect(english.body).toContain('Do you have a question? We are happy to advise you.');
  });

  it('refuses a request for another organisation with a message, and names each missing field', async () => {
    const foreign = await post(representative, '/my/consultation-requests/new', { ...valid(), organisation_id: String(theirsId) });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('Organisation: Sie können nur für Ihre eigene Organisation anfragen. Wählen Sie eine aus der Liste.');
    const empty = await post(representative, '/my/consultation-requests/new', { organisation_id: String(oursId) });
    expect(empty.statusCode).toBe(400);
    for (const message of ['Themen: Wählen Sie mindestens ein Thema.', 'Art der Beratung: Wählen Sie, wie wir Sie beraten sollen.', 'Telefonnummer: Geben Sie eine Telefonnummer oder eine E-Mail-Adresse an.']) {
      expect(empty.body).toContain(message);
    }
    expect(empty.body).toContain('href="#topics"');
    const english = await post(representative, '/my/consultation-requests/new?lang=en', { ...valid(), contact_email: 'not an address' });
    expect(english.body).toContain('E-mail address: the address is not right.');
    const umlaut = await post(representative, '/my/consultation-requests/new', { ...valid(), contact_email: 'jürgen@example.org' });
    expect(umlaut.statusCode).toBe(400);
    expect(umlaut.body).toContain('E-Mail-Adresse: Die Adresse stimmt nicht. Ein Beispiel: name@beispiel.de. Vor dem @ bitte ohne Umlaute');
    const umlautEnglish = await post(representative, '/my/consultation-requests/new?lang=en', { ...valid(), contact_email: 'jürgen@example.org' });
    expect(umlautEnglish.body).toContain('E-mail address: the address is not right. An example: name@example.org. Before the @ please write no accents');
    expect(await db.selectFrom('consultation_request').select('id').execute()).toEqual([]);
  });

  it('stores a request the representative then sees with its status; another representative gets 404', async () => {
    const sent = await post(representative, '/my/consultation-requests/new', valid());
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/my/consultation-requests?done=created');
    const [stored] = await db.selectFrom('consultation_request').selectAll().execute();
    requestId = stored.id;
    expect(stored).toMatchObject({ organisation_id: oursId, requested_by: representative.accountId, requester_name: 'Semhar Tesfay', topics: ['application', 'association_law'], channel: 'video', status: 'open' });
    const list = await get(representative, '/my/consultation-requests?done=created');
    expect(list.body).toContain('Danke! Ihre Anfrage ist angekommen.');
    expect(list.body).toContain('Neu');
    expect(list.body).toContain('Antragstellung, Vereinsrecht');
    expect((await get(representative, `/my/consultation-requests/${requestId}`)).body).toContain('Dienstag ab 18 Uhr');
    expect((await get(other, `/my/consultation-requests/${requestId}`)).statusCode).toBe(404);
    expect((await get(other, '/my/consultation-requests')).body).not.toContain(ours);
    expect((await get(representative, '/consultations/requests')).statusCode).toBe(403);
    const audit = await db.selectFrom('audit_log').select('account_id').where('action', '=', 'consultation_request.create').execute();
    expect(audit).toEqual([{ account_id: representative.accountId }]);
  });

  it('lands in the staff queue, linked from the consultation list with the number of open requests', async () => {
    expect((await get(staff, '/consultations')).body).toContain('<a class="kern-link" href="/consultations/requests">Beratungsanfragen (1 offen)</a>');
    const queue = await get(staff, '/consultations/requests');
    expect(queue.body).toContain('1 offene Anfrage');
    expect(queue.body).toContain(`/consultations/requests/${requestId}`);
    expect(queue.body).toContain('Semhar Tesfay');
    const page = await get(staff, `/consultations/requests/${requestId}`);
    expect(page.body).toContain('0561 123456');
    expect(page.body).toContain(`href="/consultations/new?request=${requestId}"`);
    expect(await db.selectFrom('audit_log').select('account_id').where('action', '=', 'consultation_request.read').execute()).toEqual([{ account_id: staff.accountId }]);
  });

  it('is taken over by a staff member; the requester is told by e-mail once', async () => {
    expect((await post(staff, `/consultations/requests/${requestId}/take`, {})).statusCode).toBe(303);
    expect(await requestRow(requestId)).toMatchObject({ status: 'in_progress', assigned_to: staff.accountId });
    expect((await get(staff, `/consultations/requests/${requestId}?done=takenOver`)).body).toContain('Sie haben die Anfrage übernommen.');
    const mails = await outbox('consultation_request.takenOver');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'semhar@example.org', subject: 'Ihre Beratungsanfrage wird bearbeitet' });
    expect(mails[0].text_body).toContain(`/my/consultation-requests/${requestId}`);
    expect((await get(representative, `/my/consultation-requests/${requestId}`)).body).toContain('In Bearbeitung');
  });

  it('is logged as a consultation from a prefilled form, which links and closes it', async () => {
    const form = await get(staff, `/consultations/new?request=${requestId}`);
    expect(form.body).toContain(`name="organisation_id" value="${oursId}"`);
    expect(form.body).toContain(`name="request_id" value="${requestId}"`);
    expect(form.body).toContain('value="Semhar Tesfay"');
    expect(form.body).toContain('value="application" checked');
    expect(form.body).toContain('value="association_law" checked');
    expect(form.body).toContain('<option value="video" selected');
    expect(form.body).toContain('Sie erfassen die Anfrage von Semhar Tesfay');
    const fields = { consulted_on: '2024-02-01', organisation: ours, organisation_id: String(oursId), persons: 'Semhar Tesfay', channel: 'video', topics: ['application', 'association_law'], request_id: String(requestId) };
    const saved = await post(staff, '/consultations/new', fields);
    expect(saved.statusCode).toBe(303);
    const consultationId = Number(/\/consultations\/(\d+)/.exec(String(saved.headers.location))![1]);
    expect(await requestRow(requestId)).toMatchObject({ status: 'done', consultation_id: consultationId, closed_by: staff.accountId });
    expect((await get(staff, `/consultations/${consultationId}`)).body).toContain(`href="/consultations/requests/${requestId}"`);
    expect(await outbox('consultation_request.done')).toMatchObject([{ to_address: 'semhar@example.org', subject: 'Ihre Beratungsanfrage ist erledigt' }]);
    expect((await get(staff, '/consultations')).body).toContain('Beratungsanfragen (0 offen)');
    expect((await get(representative, `/my/consultation-requests/${requestId}`)).body).toContain('Erledigt');
    // a second save for the closed request stores nothing
    const again = await post(staff, '/consultations/new', { ...fields, consulted_on: '2024-02-02' });
    expect(again.headers.location).toBe(`/consultations/requests/${requestId}?done=alreadyClosed`);
    expect(await db.selectFrom('consultation').select('id').execute()).toHaveLength(1);
    expect((await post(staff, `/consultations/requests/${requestId}/take`, {})).headers.location).toBe(`/consultations/requests/${requestId}?done=alreadyClosed`);
  });

  it('is declined with a note that reaches the requester; without a note it is refused', async () => {
    const sent = await post(representative, '/my/consultation-requests/new?lang=en', { ...valid(), contact_email: '', topics: 'rooms' });
    expect(sent.statusCode).toBe(303);
    const { id } = await db.selectFrom('consultation_request').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
    const bare = await post(staff, `/consultations/requests/${id}/decline`, { note: '  ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('href="#note"');
    expect(bare.body).toContain('Nachricht an die anfragende Person: Bitte ausfüllen');
    expect((await post(staff, `/consultations/requests/${id}/decline`, { note: 'Für Räume ist das Stadtteilbüro zuständig.' })).statusCode).toBe(303);
    expect(await requestRow(id)).toMatchObject({ status: 'declined', decline_note: 'Für Räume ist das Stadtteilbüro zuständig.' });
    // no callback address given: the mail goes to the account, in the language of the form
    const [mail] = await outbox('consultation_request.declined');
    expect(mail.to_address).toMatch(/^representative-.*@test\.example$/);
    expect(mail.subject).toBe('Your consultation request');
    expect(mail.text_body).toContain('Für Räume ist das Stadtteilbüro zuständig.');
    expect((await get(representative, `/my/consultation-requests/${id}`)).body).toContain('Nachricht vom Kompetenzzentrum: Für Räume ist das Stadtteilbüro zuständig.');
    expect(await db.selectFrom('audit_log').select('action').where('subject_type', '=', 'consultation_request').where('action', 'in', ['consultation_request.take_over', 'consultation_request.done', 'consultation_request.decline']).orderBy('id').execute()).toEqual([
      { action: 'consultation_request.take_over' },
      { action: 'consultation_request.done' },
      { action: 'consultation_request.decline' },
    ]);
  });

  it('tells a representative without an organisation to contact the centre', async () => {
    const lonely = await test.signIn('representative');
    const form = await get(lonely, '/my/consultation-requests/new');
    expect(form.body).toContain('Ihr Konto ist noch mit keiner Organisation verbunden.');
    expect(form.body).not.toContain('action="/my/consultation-requests/new"');
    expect((await post(lonely, '/my/consultation-requests/new', valid())).statusCode).toBe(400);
  });
});
