import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import * as make from '../../../test/factories.js';
import { runRetention } from '../privacy/index.js';
import { setEvaluationClockForTests } from './clock.js';
import { checkPortrait } from './portrait.js';
import { pseudonymiserFor } from './pseudonyms.js';

/*
 * The evaluator's workspace (issue 15) on a small dataset: the bad input of
 * the issue (a protocol before the event, an interview without consent, a
 * portrait naming the organisation or its municipality, a follow-up without
 * owner), each with its message and nothing stored; versioned guides; the
 * agenda and the follow-ups of the next meeting; the retention of interview
 * notes with a fixed clock.
 */

const now = new Date('2019-03-15T10:00:00Z');
let test: TestApp;
let evaluator: SignedIn;
let organisationId: number;
let pseudonym: string;
let pastEventId: number;
let futureEventId: number;

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  evaluator = await test.signIn('evaluator');
  const created = await make.organisation(db, { name: 'Eritreischer Kulturverein Marburg e. V.', district: 'Landkreis Marburg-Biedenkopf' });
  organisationId = created.id;
  await db.updateTable('organisation').set({ municipality: 'Marburg', founded_year: 2009, website: 'https://www.ekv-marburg.example' }).where('id', '=', organisationId).execute();
  pseudonym = (await pseudonymiserFor(db)).organisation(organisationId);
  pastEventId = (await make.event(db, { title: 'Schulung Antragstellung', format: 'training_application', startDate: '2019-03-09', organizer: 'centre' })).id;
  futureEventId = (await make.event(db, { title: 'Schulung Umsetzung', format: 'training_implementation', startDate: '2019-05-11', organizer: 'centre' })).id;
}, 180_000);
afterAll(async () => test?.close());
afterEach(() => setEvaluationClockForTests(null));

const post = (url: string, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: evaluator.cookie }, payload: { _csrf: evaluator.csrfToken, ...payload } });
const get = (url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: evaluator.cookie } });
const count = async (table: 'evaluation_observation' | 'observation_need' | 'evaluation_interview' | 'evaluation_reflection' | 'evaluation_followup') =>
  Number((await test.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('observations', () => {
  it('refuses a protocol for an event that has not happened yet, with a clear message', async () => {
    setEvaluationClockForTests(now);
    const response = await post(`/evaluation/observations/${futureEventId}`, { course: 'Begrüßung', needs: 'Räume' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Die Veranstaltung findet erst am 2019-05-11 statt');
    expect(await count('evaluation_observation')).toBe(0);
    expect(await count('observation_need')).toBe(0);
  });

  it('stores a protocol with workshops and each need as its own row, and replaces it on the next save', async () => {
    setEvaluationClockForTests(now);
    const first = await post(`/evaluation/observations/${pastEventId}`, {
      course: 'Input, Kleingruppen, Plenum',
      topics: 'Finanzierungsplan',
      needs: 'Beispielanträge\n\nHilfe beim Finanzplan',
      worked: 'Kleingruppen',
      suggestions: 'Mehr Zeit',
      workshop_1_title: 'Workshop A',
      workshop_1_notes: 'Lebhaft',
      workshop_1_needs: 'Fristen',
    });
    expect(first.statusCode).toBe(303);
    const needs = await test.database.db.selectFrom('observation_need').select(['text', 'workshop_id']).orderBy('position').execute();
    expect(needs.map((need) => need.text)).toEqual(['Beispielanträge', 'Hilfe beim Finanzplan', 'Fristen']);
    expect(needs[2].workshop_id).not.toBeNull();
    const again = await post(`/evaluation/observations/${pastEventId}`, { course: 'Input', needs: 'Nur noch einer' });
    expect(again.statusCode).toBe(303);
    expect(await count('evaluation_observation')).toBe(1);
    expect((await test.database.db.selectFrom('observation_need').select('text').execute()).map((row) => row.text)).toEqual(['Nur noch einer']);
    const page = await get(`/evaluation/observations/${pastEventId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nur noch einer');
    expect(page.body).toContain(`/events/${pastEventId}/feedback`);
  });

  it('refuses an empty protocol and a workshop without title, naming the field', async () => {
    setEvaluationClockForTests(now);
    const empty = await post(`/evaluation/observations/${pastEventId}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#course"');
    const untitled = await post(`/evaluation/observations/${pastEventId}`, { course: 'x', workshop_2_notes: 'Notizen ohne Titel' });
    expect(untitled.statusCode).toBe(400);
    expect(untitled.body).toContain('Workshop 2: Bitte geben Sie dem Workshop einen Titel');
  });

  it('answers 404 for an unknown event whatever is sent', async () => {
    expect((await post('/evaluation/observations/999999', {})).statusCode).toBe(404);
    expect((await get('/evaluation/observations/999999')).statusCode).toBe(404);
  });
});

describe('interviews and guides', () => {
  let guideId: number;
  const interview = (extra: Record<string, string> = {}) => ({
    heldOn: '2019-02-11',
    kind: 'association',
    channel: 'in_person',
    durationMinutes: '50',
    guideId: String(guideId),
    organisation: pseudonym,
    consent: 'yes',
    consentSignedOn: '2019-02-11',
    consentVersion: 'EW-2018-1',
    consentScope: 'evaluation_only',
    notes: 'Der Verein nutzt die Beratung.',
    portrait: 'Ein Verein, der Kulturarbeit für Familien anbietet.',
    ...extra,
  });

  it('keeps old interviews on their guide version when the guide is edited', async () => {
    expect((await post('/evaluation/guides', { kind: 'association', title: 'Leitfaden Vereine', questions: 'Frage 1' })).statusCode).toBe(303);
    guideId = (await test.database.db.selectFrom('evaluation_interview_guide').select('id').executeTakeFirstOrThrow()).id;
    expect((await post('/evaluation/interviews', interview())).statusCode).toBe(303);
    expect((await post(`/evaluation/guides/${guideId}`, { kind: 'association', title: 'Leitfaden Vereine', questions: 'Frage 1\nFrage 2' })).statusCode).toBe(303);
    const versions = await test.database.db.selectFrom('evaluation_interview_guide').select(['id', 'version']).orderBy('version').execute();
    expect(versions.map((row) => row.version)).toEqual([1, 2]);
    expect((await test.database.db.selectFrom('evaluation_interview').select('guide_id').executeTakeFirstOrThrow()).guide_id).toBe(versions[0].id);
    const list = await get('/evaluation/interviews');
    expect(list.body).toContain('Leitfaden Vereine (Fassung 1)');
    expect(list.body).toContain(pseudonym);
    expect(list.body).not.toContain('Eritreischer');
  });

  it('refuses an interview without a recorded consent, and stores nothing', async () => {
    const before = await count('evaluation_interview');
    const missings: Record<string, string>[] = [{ consent: '' }, { consentSignedOn: '' }, { consentVersion: '' }, { consentScope: 'anything' }];
    for (const missing of missings) {
      const response = await post('/evaluation/interviews', interview(missing));
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(/Einwilligung: Ohne schriftliche Einwilligung wird kein Interview gespeichert|Einwilligung unterschrieben am|Datum: Bitte/);
    }
    expect(await count('evaluation_interview')).toBe(before);
  });

  it('refuses a portrait that names the organisation or its municipality, and warns about the founding year', async () => {
    const before = await count('evaluation_interview');
    for (const portrait of ['Der Eritreische Kulturverein Marburg bietet Kulturarbeit.', 'Ein Verein aus Marburg, der Kulturarbeit anbietet.', 'Mehr unter ekv-marburg.example']) {
      const response = await post('/evaluation/interviews', interview({ portrait }));
      expect(response.statusCode, portrait).toBe(400);
      expect(response.body).toContain('Kurzporträt: Der Text würde die Organisation erkennbar machen');
      expect(response.body).toContain('href="#portrait"');
    }
    expect(await count('evaluation_interview')).toBe(before);
    const warned = await post('/evaluation/interviews', interview({ portrait: 'Ein Kulturverein, 2009 gegründet, mit Angeboten für Familien.' }));
    expect(warned.statusCode).toBe(200);
    expect(warned.body).toContain('Gespeichert. Prüfen Sie das Kurzporträt noch einmal');
    expect(warned.body).toContain('Gründungsjahr 2009');
    expect(await count('evaluation_interview')).toBe(before + 1);
  });

  it('checks words, not letters: a municipality inside another word is no finding', () => {
    const record = { name: 'Polnischer Elternverein Langen', aliases: [], municipality: 'Langen (Hessen)', district: 'Landkreis Offenbach', founded_year: 1994, postcode: '63225', website: null, email: null, phone: null };
    expect(checkPortrait('Ein Verein, der seit langem Eltern berät.', record)).toEqual([]);
    expect(checkPortrait('Ein Verein in Langen.', record).map((finding) => [finding.kind, finding.blocking])).toEqual([['municipality', true]]);
    expect(checkPortrait('Der POLNISCHER ELTERNVEREIN bietet …', record).map((finding) => finding.kind)).toEqual(['namePart']);
  });

  it('refuses an unknown pseudonym and answers 404 for an unknown interview', async () => {
    const response = await post('/evaluation/interviews', interview({ organisation: 'O-00000000' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Dieses Pseudonym gibt es nicht');
    expect((await post('/evaluation/interviews/999999', interview())).statusCode).toBe(404);
    expect((await get('/evaluation/guides/999999')).statusCode).toBe(404);
  });

  it('deletes notes, portrait and the organisation at once when the consent is withdrawn, and keeps the bare facts', async () => {
    const db = test.database.db;
    const saved = await post('/evaluation/interviews', interview({ notes: 'Gesprächsnotizen vor dem Widerruf', portrait: 'Ein Verein in Mittelhessen, der Eltern berät.' }));
    expect(saved.statusCode).toBe(303);
    const id = Number(/interviews\/(\d+)/.exec(String(saved.headers.location))![1]);
    const missing = await post(`/evaluation/interviews/${id}/withdraw`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#withdrawnOn"');
    const early = await post(`/evaluation/interviews/${id}/withdraw`, { withdrawnOn: '2019-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('Der Widerruf kann nicht vor der Einwilligung');
    expect((await db.selectFrom('evaluation_interview').select('notes').where('id', '=', id).executeTakeFirstOrThrow()).notes).toBe('Gesprächsnotizen vor dem Widerruf');

    expect((await post(`/evaluation/interviews/${id}/withdraw`, { withdrawnOn: '2019-03-01' })).statusCode).toBe(303);
    const row = await db
      .selectFrom('evaluation_interview')
      .select(['notes', 'portrait', 'organisation_id', 'kind', sql<string>`to_char(held_on, 'YYYY-MM-DD')`.as('heldOn'), sql<string>`to_char(consent_withdrawn_on, 'YYYY-MM-DD')`.as('withdrawnOn')])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ notes: null, portrait: '', organisation_id: null, kind: 'association', heldOn: '2019-02-11', withdrawnOn: '2019-03-01' });
    const page = await get(`/evaluation/interviews/${id}`);
    expect(page.body).toContain('Die Einwilligung wurde am 01.03.2019 widerrufen');
    expect(page.body).not.toContain('Gesprächsnotizen');
    expect(page.body).not.toContain('name="notes"');
    expect((await get('/evaluation/interviews')).body).toContain('gelöscht (Widerruf am 01.03.2019)');
    // nothing comes back through the edit form
    const edit = await post(`/evaluation/interviews/${id}`, interview({ notes: 'Neue Notizen' }));
    expect(edit.statusCode).toBe(400);
    expect(edit.body).toContain('Die Einwilligung zu diesem Interview wurde widerrufen');
    expect((await db.selectFrom('evaluation_interview').select('notes').where('id', '=', id).executeTakeFirstOrThrow()).notes).toBeNull();
    expect((await post('/evaluation/interviews/999999/withdraw', { withdrawnOn: '2019-03-01' })).statusCode).toBe(404);
  });

  it('offers no upload field and says that audio is never stored', async () => {
    const page = await get('/evaluation/interviews/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('type="file"');
    expect(page.body).toContain('Audiodateien werden nie in Mosaik gespeichert');
  });
});

describe('reflection meetings', () => {
  it('refuses a follow-up without owner, and stores nothing', async () => {
    const response = await post('/evaluation/reflections', { heldOn: '2019-01-10', decisions: 'x', followup_1_task: 'Unterlagen vorab schicken', followup_1_due: '2019-02-01' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Folgeaufgabe 1: Bitte nennen Sie, wer verantwortlich ist');
    expect(await count('evaluation_reflection')).toBe(0);
    expect(await count('evaluation_followup')).toBe(0);
  });

  it('prefills the next agenda with the events since the last meeting and asks what came of its follow-ups', async () => {
    const first = await post('/evaluation/reflections', { heldOn: '2019-01-10', decisions: 'Unterlagen vorab', followup_1_task: 'Unterlagen vorab schicken', followup_1_owner: 'Projektleitung', followup_1_due: '2019-02-01' });
    expect(first.statusCode).toBe(303);
    const next = await get('/evaluation/reflections/new?heldOn=2019-03-20');
    expect(next.body).toContain('Seit dem letzten Treffen (10.01.2019)');
    expect(next.body).toContain('Schulung Antragstellung');
    expect(next.body).toContain('beobachtet');
    expect(next.body).not.toContain('Schulung Umsetzung'); // after the meeting's day
    expect(next.body).toContain('Was aus den Folgeaufgaben wurde');
    const followup = await test.database.db.selectFrom('evaluation_followup').select('id').executeTakeFirstOrThrow();
    const second = await post('/evaluation/reflections', { heldOn: '2019-03-20', agenda: 'Rückblick', [`previous_${followup.id}_status`]: 'done', [`previous_${followup.id}_outcome`]: 'Seit Februar umgesetzt' });
    expect(second.statusCode).toBe(303);
    expect(await test.database.db.selectFrom('evaluation_followup').select(['status', 'outcome']).where('id', '=', followup.id).executeTakeFirstOrThrow()).toEqual({ status: 'done', outcome: 'Seit Februar umgesetzt' });
  });
});

describe('retention of interview notes', () => {
  it('empties the notes only once the evaluation has ended and the period has passed (fixed clock)', async () => {
    const db = test.database.db;
    const withNotes = async () => Number((await db.selectFrom('evaluation_interview').select((eb) => eb.fn.countAll<string>().as('n')).where('notes', 'is not', null).executeTakeFirstOrThrow()).n);
    const kept = await withNotes();
    expect(kept).toBeGreaterThan(0);
    // no end date: nothing goes, however late
    await runRetention(db, { now: new Date('2030-01-01T00:00:00Z'), dryRun: false, actorId: null });
    expect(await withNotes()).toBe(kept);
    evaluator = await test.signIn('evaluator'); // that run also ended every session expiring before 2030
    expect((await post('/evaluation/settings', { endsOn: '2019-12-31' })).statusCode).toBe(303);
    // six months (the default rule) after 31 December 2019: not yet on 30 June 2020 …
    const early = await runRetention(db, { now: new Date('2020-06-30T12:00:00Z'), dryRun: false, actorId: null });
    expect(early.find((rule) => rule.kind === 'evaluation_interview_notes')).toMatchObject({ count: 0, applied: 0 });
    expect(await withNotes()).toBe(kept);
    // … on 2 July 2020 they go; the interview, its consent and its portrait stay
    const late = await runRetention(db, { now: new Date('2020-07-02T12:00:00Z'), dryRun: false, actorId: null });
    expect(late.find((rule) => rule.kind === 'evaluation_interview_notes')).toMatchObject({ count: kept, applied: kept });
    expect(await withNotes()).toBe(0);
    const row = await db.selectFrom('evaluation_interview').select(['consent_version', 'portrait', 'notes_erased_at']).executeTakeFirstOrThrow();
    expect(row.consent_version).toBe('EW-2018-1');
    expect(row.notes_erased_at).not.toBeNull();
    expect((await get('/evaluation/interviews')).body).toContain('gelöscht (Aufbewahrungsfrist)');
  });
});
