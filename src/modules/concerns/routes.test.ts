import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { testEngine } from '../../../test/database.js';
import * as make from '../../../test/factories.js';
import { assignDefaultForm, enterPaperForm } from '../feedback/index.js';
import { changeConcernState } from './commands/update.js';
import { recordEntry } from './commands/record.js';
import { loadConcernsDemo } from './demo.js';
import de from './i18n/de.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import tr from './i18n/tr.json' with { type: 'json' };
import ar from './i18n/ar.json' with { type: 'json' };
import ru from './i18n/ru.json' with { type: 'json' };
import uk from './i18n/uk.json' with { type: 'json' };

/*
 * Needs and concerns through HTTP: a workshop's results, an open feedback
 * answer turned into an entry, a consultation's link, the edit conflict,
 * the Dialogtreffen's minutes, the funder's and a coordinator's view, the
 * public page without names in six languages, and the demo.
 */

let test: TestApp;
let staff: SignedIn;
let funder: SignedIn;
let coordinator: SignedIn;
let kassel: { id: number; name: string }[];
let giessen: { id: number; name: string };
let workshop: { id: number; title: string };

const get = (url: string, who?: SignedIn) => test.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const post = (url: string, who: SignedIn, payload: Record<string, string | string[]>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrfToken, ...payload } });
const entriesOf = async () => test.database.db.selectFrom('concern_entry').selectAll().orderBy('id').execute();

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  kassel = await make.organisations(db, [{ name: 'Kulturverein Anadolu Kassel', district: 'Kassel' }, { name: 'Afrikanischer Elternverein Kassel', district: 'Kassel' }]);
  giessen = await make.organisation(db, { name: 'Syrischer Kulturverein Gießen', district: 'Gießen' });
  workshop = await make.event(db, { title: 'Regionales Vernetzungstreffen Kassel', startDate: '2017-11-25', district: 'Kassel', organizer: 'centre' });
  for (const organisation of kassel) await make.registration(db, { eventId: workshop.id, organisationId: organisation.id });
  staff = await make.account(test, 'staff');
  funder = await make.account(test, 'funder');
  coordinator = await make.account(test, 'coordinator', { districts: ['Kassel'] });
}, 60_000);
afterAll(async () => test?.close());

describe(`sources of entries on ${testEngine}`, () => {
  it("records a workshop's results: a bad row names its number and nothing is stored; then all rows at once", async () => {
    const event = await get(`/events/${workshop.id}`, staff);
    expect(event.body).toContain(`/concerns/events/${workshop.id}/results`);
    const form = await get(`/concerns/events/${workshop.id}/results`, staff);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Kulturverein Anadolu Kassel');
    const rows = { rows: '3', r1_kind: 'need', r1_title: 'Eigene Vereinsräume fehlen', r1_topic: 'rooms', r1_organisationId: [String(kassel[0].id), String(kassel[1].id)], r2_title: '', r3_kind: 'concern', r3_title: 'Kontinuierliche Förderung der Geschäftsstelle', r3_topic: '' };
    const bad = await post(`/concerns/events/${workshop.id}/results`, staff, rows);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Zeile 3: Wählen Sie ein Thema.');
    expect(bad.body).toContain('Eigene Vereinsräume fehlen');
    expect(await entriesOf()).toHaveLength(0);
    const good = await post(`/concerns/events/${workshop.id}/results`, staff, { ...rows, r3_topic: 'funding_rules', r2_organisationId: String(giessen.id) });
    expect(good.statusCode).toBe(303);
    const entries = await entriesOf();
    expect(entries.map((e) => [e.kind, e.state, e.district])).toEqual([['need', 'open', 'Kassel'], ['concern', 'collected', 'Kassel']]);
    const page = await get(`/concerns/${entries[0].id}`, staff);
    expect(page.body).toContain('Afrikanischer Elternverein Kassel');
    expect(page.body).toContain(`/events/${workshop.id}`);
  });

  it('turns an open feedback answer into an entry that links back to the answer, without the respondent', async () => {
    const formId = await assignDefaultForm(test.database.db, workshop.id, 'regional_network_meeting');
    const open = await test.database.db.selectFrom('feedback_question').select('id').where('form_id', '=', formId).where('kind', '=', 'open').orderBy('position').executeTakeFirstOrThrow();
    const key = await enterPaperForm(test.database.db, { eventId: workshop.id, accountId: null, answers: [{ question_id: open.id, rating: null, yes_no: null, text_value: 'Mehr Zeit zum Kennenlernen der anderen Vereine' }] });
    const response = await test.database.db.selectFrom('feedback_response').select('id').where('response_key', '=', key).executeTakeFirstOrThrow();
    const evaluation = await get(`/events/${workshop.id}/feedback`, staff);
    const link = `/concerns/new?response=${response.id}&amp;question=${open.id}`;
    expect(evaluation.body).toContain(link);
    const form = await get(`/concerns/new?response=${response.id}&question=${open.id}`, staff);
    expect(form.body).toContain('„Mehr Zeit zum Kennenlernen der anderen Vereine“');
    const saved = await post('/concerns', staff, { sourceKind: 'feedback', responseId: String(response.id), questionId: String(open.id), kind: 'need', title: 'Mehr Zeit zum informellen Kennenlernen', topic: 'networking', raisedOn: '2017-11-25' });
    expect(saved.statusCode).toBe(303);
    const id = Number(/\/concerns\/(\d+)/.exec(saved.headers.location as string)![1]);
    const page = await get(`/concerns/${id}`, staff);
    expect(page.body).toContain(`/events/${workshop.id}/feedback#open-title`);
    expect(page.body).not.toContain(key);
    const again = await get(`/concerns/new?response=${response.id}&question=${open.id}`, staff);
    expect(again.body).toContain(`schon als Eintrag #${id} erfasst`);
    // a made-up answer is not a source
    expect((await get(`/concerns/new?response=${response.id}&question=999999`, staff)).statusCode).toBe(404);
  });

  it("offers an entry from a consultation with the consultation's organisation", async () => {
    const { id } = await test.database.db.insertInto('consultation').values({ consulted_on: '2018-04-10', organisation_id: kassel[0].id, channel: 'phone', topic: '', source: 'staff' }).returning('id').executeTakeFirstOrThrow();
    expect((await get(`/consultations/${id}`, staff)).body).toContain(`/concerns/new?consultation=${id}`);
    const form = await get(`/concerns/new?consultation=${id}`, staff);
    expect(form.body).toMatch(new RegExp(`value="${kassel[0].id}"[^>]*checked`));
    const unknown = await post('/concerns', staff, { sourceKind: 'consultation', consultationId: String(id), kind: 'concern', title: 'Mietkosten', topic: 'funding_rules', raisedOn: '2018-04-10', organisationNames: 'Gibt es nicht e.V.' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('steht nicht im Verzeichnis');
  });
});

describe(`editing, merging and the Dialogtreffen on ${testEngine}`, () => {
  it('an edit saved after someone else changed the entry answers 409 and keeps what was typed', async () => {
    const id = await recordEntry(test.database.db, null, { kind: 'concern', title: 'Antragsfrist zu früh', topic: 'application', raisedOn: '2017-12-16', source: { kind: 'other' } });
    const fields = { version: '1', kind: 'concern', topic: 'application', raisedOn: '2017-12-16' };
    expect((await post(`/concerns/${id}/edit`, staff, { ...fields, title: 'Antragsfrist kommt zu früh' })).statusCode).toBe(303);
    const late = await post(`/concerns/${id}/edit`, staff, { ...fields, title: 'Meine ausführliche Fassung' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('während Sie ihn bearbeitet haben');
    expect(late.body).toContain('Meine ausführliche Fassung');
    expect(late.body).toContain('name="version" value="2"');
  });

  it('plans a Dialogtreffen from the open concerns and records its minutes', async () => {
    const id = await recordEntry(test.database.db, null, { kind: 'concern', title: 'Steuerberatungskosten förderfähig', topic: 'funding_rules', raisedOn: '2017-12-16', source: { kind: 'other' } });
    const created = await post('/concerns/dialog', staff, { heldOn: '2018-03-06', title: 'Dialogtreffen mit dem HMSI', place: 'Wiesbaden' });
    expect(created.statusCode).toBe(303);
    const meeting = (created.headers.location as string).split('?')[0];
    expect((await get(meeting, staff)).body).toContain('Steuerberatungskosten förderfähig');
    expect((await post(`${meeting}/agenda`, staff, { entryId: String(id), [`position_${id}`]: '1' })).statusCode).toBe(303);
    expect((await post(`${meeting}/minutes`, staff, { [`state_${id}`]: 'changed', [`minutes_${id}`]: 'Ab sofort förderfähig.', [`version_${id}`]: '1' })).statusCode).toBe(303);
    const entry = (await entriesOf()).find((e) => e.id === id)!;
    expect([entry.state, entry.forwarded_on, entry.answer]).toEqual(['changed', '2018-03-06', 'Ab sofort förderfähig.']);
    expect((await get(meeting, funder)).statusCode).toBe(200);
  });
});

describe(`who sees what on ${testEngine}`, () => {
  it('the funder sees only concerns that reached the ministry, never organisation names; a coordinator only their districts', async () => {
    const forwarded = await recordEntry(test.database.db, null, { kind: 'concern', title: 'Büromiete förderfähig machen', topic: 'funding_rules', raisedOn: '2018-02-10', organisationIds: kassel.map((o) => o.id), source: { kind: 'other' } });
    await changeConcernState(test.database.db, null, forwarded, 1, { state: 'forwarded', forwardedOn: '2018-03-06' });
    const collected = await recordEntry(test.database.db, null, { kind: 'concern', title: 'Portale unübersichtlich', topic: 'application', raisedOn: '2018-05-05', organisationIds: [giessen.id], source: { kind: 'other' } });
    const list = await get('/concerns', funder);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Büromiete förderfähig machen');
    expect(list.body).toContain('weniger als 5 Organisationen');
    expect(list.body).not.toContain('Portale unübersichtlich');
    expect(list.body).not.toContain('Eigene Vereinsräume fehlen');
    const page = await get(`/concerns/${forwarded}`, funder);
    for (const organisation of [...kassel, giessen]) expect(page.body).not.toContain(organisation.name);
    expect(page.body).not.toContain('/organisations/');
    expect((await get(`/concerns/${collected}`, funder)).statusCode).toBe(404);
    expect((await post(`/concerns/${forwarded}/state`, funder, { version: '2', state: 'declined' })).statusCode).toBe(403);
    const coordinatorList = await get('/concerns', coordinator);
    expect(coordinatorList.body).toContain('Büromiete förderfähig machen');
    expect(coordinatorList.body).not.toContain('Portale unübersichtlich');
    expect((await get(`/concerns/${forwarded}`, coordinator)).body).toContain('Kulturverein Anadolu Kassel');
  });

  it('the public page lists what staff chose, without names, framed in six languages', async () => {
    const shown = await recordEntry(test.database.db, null, { kind: 'concern', title: 'Projekte dürfen länger laufen', topic: 'funding_rules', raisedOn: '2018-02-10', organisationIds: [kassel[0].id], isPublic: true, publicWording: 'Die Projektlaufzeit ist zu kurz.', source: { kind: 'other' } });
    await changeConcernState(test.database.db, null, shown, 1, { state: 'forwarded', forwardedOn: '2018-03-06' });
    await changeConcernState(test.database.db, null, shown, 2, { state: 'changed', answer: 'Bis zu 24 Monate.' });
    await recordEntry(test.database.db, null, { kind: 'concern', title: 'Nicht öffentlich', topic: 'funding_rules', raisedOn: '2018-02-10', source: { kind: 'other' } });
    for (const [language, strings] of Object.entries({ de, en, tr, ar, ru, uk })) {
      const page = await get(`/sie-haben-gesagt?lang=${language}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(strings.public.title);
      expect(page.body).toContain(strings.public.outcome.changed);
      expect(page.body).toContain('Die Projektlaufzeit ist zu kurz.');
      expect(page.body).toContain('Bis zu 24 Monate.');
      expect(page.body).not.toContain('Nicht öffentlich');
      for (const organisation of [...kassel, giessen]) expect(page.body).not.toContain(organisation.name);
    }
    expect((await get('/sie-haben-gesagt?lang=ar')).body).toContain('dir="rtl"');
    expect((await get('/sitemap.xml')).body).toContain('/sie-haben-gesagt');
  });
});

describe(`the demo on ${testEngine}`, () => {
  it("holds the report's needs and concerns with their outcomes and one Dialogtreffen", async () => {
    const fresh = await createTestApp();
    try {
      await loadConcernsDemo(fresh.database.db, '2026-03-02');
      const entries = await fresh.database.db.selectFrom('concern_entry').select(['kind', 'state', 'title']).execute();
      expect(entries.filter((e) => e.kind === 'need').length).toBeGreaterThanOrEqual(8);
      expect(entries.filter((e) => e.state === 'changed').map((e) => e.title).join(' ')).toMatch(/Steuerberatung.*Projektlaufzeit.*Antragsfrist|Steuerberatung/);
      expect(entries.filter((e) => e.state === 'changed')).toHaveLength(3);
      const meetings = await fresh.database.db.selectFrom('concern_meeting').select(['title', 'minutes_recorded_at']).execute();
      expect(meetings).toHaveLength(1);
      expect(meetings[0].minutes_recorded_at).not.toBeNull();
      expect((await fresh.app.inject({ method: 'GET', url: '/sie-haben-gesagt' })).body).toContain('bis zu 24 Monate');
    } finally {
      await fresh.close();
    }
  });
});
