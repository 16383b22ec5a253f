import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import * as make from '../../../test/factories.js';
import { recordNeed } from '../concerns/index.js';
import { setEvaluationClockForTests } from './clock.js';

/*
 * The evaluator's workspace and the needs log of the concerns module (issue
 * 15): a protocol's needs become entries of the log once, without an
 * organisation; the next reflection meeting's agenda counts the open needs
 * and concerns of the log, and never quotes an entry, whose title staff may
 * have written with an association's name.
 */

const now = new Date('2019-03-15T10:00:00Z');
let test: TestApp;
let evaluator: SignedIn;
let organisationId: number;

beforeAll(async () => {
  test = await createTestApp();
  evaluator = await test.signIn('evaluator');
  organisationId = (await make.organisation(test.database.db, { name: 'Eritreischer Kulturverein Marburg e. V.', district: 'Landkreis Marburg-Biedenkopf' })).id;
}, 180_000);
afterAll(async () => test?.close());
afterEach(() => setEvaluationClockForTests(null));

const post = (url: string, payload: Record<string, string>) =>
  test.app.inject({ method: 'POST', url, headers: { cookie: evaluator.cookie }, payload: { _csrf: evaluator.csrfToken, ...payload } });
const get = (url: string) => test.app.inject({ method: 'GET', url, headers: { cookie: evaluator.cookie } });

describe('needs of an observation in the needs log', () => {
  it('passes each need to the needs log once, without an organisation, and keeps the link when saved again', async () => {
    setEvaluationClockForTests(now);
    const db = test.database.db;
    const eventId = (await make.event(db, { title: 'Regionales Vernetzungstreffen', format: 'regional_network_meeting', startDate: '2019-02-16', organizer: 'centre' })).id;
    const logOfEvent = () =>
      db.selectFrom('concern_entry as e').innerJoin('concern_source as s', 's.entry_id', 'e.id').select(['e.id', 'e.kind', 'e.title', 'e.topic', 'e.state', sql<string>`to_char(e.raised_on, 'YYYY-MM-DD')`.as('raisedOn'), 's.kind as source'])
        .where('s.event_id', '=', eventId).orderBy('e.id').execute();
    const first = await post(`/evaluation/observations/${eventId}`, { course: 'Austausch', needs: 'Räume für Vereinstreffen\nKontakt zur Kommune', workshop_1_title: 'Workshop A', workshop_1_needs: 'Fristen im Blick' });
    expect(first.statusCode).toBe(303);
    const logged = await logOfEvent();
    expect(logged.map((entry) => entry.title)).toEqual(['Räume für Vereinstreffen', 'Kontakt zur Kommune', 'Fristen im Blick']);
    expect(logged.every((entry) => entry.kind === 'need' && entry.state === 'open' && entry.topic === 'other' && entry.source === 'evaluation' && entry.raisedOn === '2019-02-16')).toBe(true);
    // the evaluator records what was said, not who said it
    expect(await db.selectFrom('concern_entry_organisation').select('entry_id').where('entry_id', 'in', logged.map((entry) => entry.id)).execute()).toEqual([]);
    const page = await get(`/evaluation/observations/${eventId}`);
    expect(page.body).toContain('3 Bedarfe dieses Protokolls stehen im Bedarfslog');

    // saved again: the kept needs keep their entry, a new one is added, a removed one stays in the log (staff own it now)
    const again = await post(`/evaluation/observations/${eventId}`, { course: 'Austausch', needs: 'Räume für Vereinstreffen\nBeispiele gelungener Anträge', workshop_1_title: 'Workshop A', workshop_1_needs: 'Fristen im Blick' });
    expect(again.statusCode).toBe(303);
    const after = await logOfEvent();
    expect(after.map((entry) => entry.title)).toEqual(['Räume für Vereinstreffen', 'Kontakt zur Kommune', 'Fristen im Blick', 'Beispiele gelungener Anträge']);
    const links = await db.selectFrom('observation_need as n').innerJoin('evaluation_observation as o', 'o.id', 'n.observation_id').select(['n.text', 'n.concern_entry_id']).where('o.event_id', '=', eventId).orderBy('n.position').execute();
    const idOf = (title: string) => after.find((entry) => entry.title === title)!.id;
    expect(links).toEqual([
      { text: 'Räume für Vereinstreffen', concern_entry_id: idOf('Räume für Vereinstreffen') },
      { text: 'Beispiele gelungener Anträge', concern_entry_id: idOf('Beispiele gelungener Anträge') },
      { text: 'Fristen im Blick', concern_entry_id: idOf('Fristen im Blick') },
    ]);
  });
});

describe('open concerns on the agenda', () => {
  it('counts the open needs and concerns of the log by topic, and names no organisation an entry names', async () => {
    const db = test.database.db;
    await recordNeed(db, { title: 'Eritreischer Kulturverein Marburg sucht Räume', topic: 'rooms', raisedOn: '2019-04-02', organisationIds: [organisationId], source: { kind: 'other' } });
    await recordNeed(db, { kind: 'concern', title: 'Steuerberatungskosten des Eritreischen Kulturvereins Marburg förderfähig machen', topic: 'funding_rules', raisedOn: '2019-04-03', organisationIds: [organisationId], source: { kind: 'other' } });
    const page = await get('/evaluation/reflections/new?heldOn=2019-05-10');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Offene Bedarfe und Anliegen im Bedarfslog:');
    // the four needs the protocol passed on (topic "other") and the one staff wrote; no meeting yet, so every entry is new
    expect(page.body).toContain('Bedarfslog:\n- Bedarf, offen (5, davon 5 neu): Sonstiges 4, Räume 1\n- Anliegen an das Ministerium, gesammelt (1, davon 1 neu): Förderregeln 1');
    expect(page.body).not.toContain('Kulturverein');
    expect(page.body).not.toContain('Marburg');
    const english = await get('/evaluation/reflections/new?heldOn=2019-05-10&lang=en');
    expect(english.body).toContain('Open needs and concerns in the needs log:');
  });
});

// after the agenda's counts above, so that these entries do not change them
describe('the topic of a protocol\'s needs', () => {
  it('passes the topic the evaluator chose (concerns vocabulary) to the log, per part of the protocol, and shows it again', async () => {
    setEvaluationClockForTests(now);
    const db = test.database.db;
    const eventId = (await make.event(db, { title: 'Schulung Antragstellung', format: 'training_application', startDate: '2019-03-02', organizer: 'centre' })).id;
    const saved = await post(`/evaluation/observations/${eventId}`, { course: 'Input und Übungen', needs: 'Vereinsräume fehlen\nRaum für Beratungen', needs_topic: 'rooms', workshop_1_title: 'Workshop Vernetzung', workshop_1_needs: 'Austausch im Landkreis', workshop_1_needs_topic: 'networking', workshop_2_title: 'Workshop Offen', workshop_2_needs: 'Noch unklar' });
    expect(saved.statusCode).toBe(303);
    const logged = await db.selectFrom('concern_entry as e').innerJoin('concern_source as s', 's.entry_id', 'e.id').select(['e.title', 'e.topic']).where('s.event_id', '=', eventId).orderBy('e.id').execute();
    // a workshop without a chosen topic: "other", staff sort it
    expect(logged).toEqual([
      { title: 'Vereinsräume fehlen', topic: 'rooms' },
      { title: 'Raum für Beratungen', topic: 'rooms' },
      { title: 'Austausch im Landkreis', topic: 'networking' },
      { title: 'Noch unklar', topic: 'other' },
    ]);
    const page = await get(`/evaluation/observations/${eventId}`);
    expect(page.body).toMatch(/<select[^>]*name="needs_topic"[^]*?<option value="rooms" selected>Räume<\/option>/);
    expect(page.body).toMatch(/<select[^>]*name="workshop_1_needs_topic"[^]*?<option value="networking" selected>Vernetzung<\/option>/);

    // saved again with another topic: the entry stays as it is in the log (staff own it), nothing is logged twice
    const again = await post(`/evaluation/observations/${eventId}`, { course: 'Input und Übungen', needs: 'Vereinsräume fehlen\nRaum für Beratungen', needs_topic: 'funding_rules', workshop_1_title: 'Workshop Vernetzung', workshop_1_needs: 'Austausch im Landkreis', workshop_1_needs_topic: 'networking', workshop_2_title: 'Workshop Offen', workshop_2_needs: 'Noch unklar' });
    expect(again.statusCode).toBe(303);
    const after = await db.selectFrom('concern_entry as e').innerJoin('concern_source as s', 's.entry_id', 'e.id').select(['e.title', 'e.topic']).where('s.event_id', '=', eventId).orderBy('e.id').execute();
    expect(after).toEqual(logged);
  });

  it('refuses a topic outside the vocabulary, naming the field (German and English), and stores nothing', async () => {
    setEvaluationClockForTests(now);
    const db = test.database.db;
    const eventId = (await make.event(db, { title: 'Schulung Umsetzung', format: 'training_implementation', startDate: '2019-03-09', organizer: 'centre' })).id;
    const refused = await post(`/evaluation/observations/${eventId}`, { course: 'Input', needs: 'Belege sammeln', needs_topic: 'rooms', workshop_1_title: 'Workshop A', workshop_1_needs: 'Fristen', workshop_1_needs_topic: 'weather' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Workshop 1, Thema der Bedarfe: Dieses Thema gibt es im Bedarfslog nicht.');
    const english = await post(`/evaluation/observations/${eventId}?lang=en`, { course: 'Input', needs: 'Belege sammeln', needs_topic: 'weather' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Topic of the needs: the needs log has no such topic.');
    expect(await db.selectFrom('evaluation_observation').select('id').where('event_id', '=', eventId).execute()).toEqual([]);
    expect(await db.selectFrom('concern_source').select('entry_id').where('event_id', '=', eventId).execute()).toEqual([]);
  });
});
