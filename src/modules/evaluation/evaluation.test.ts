import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedIn, type TestApp } from '../../../test/app.js';
import { readSettings } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { buildApp } from '../../http/app.js';
import { loadDemo } from '../demo/index.js';
import { pseudonymiser, pseudonymiserFor, pseudonymPattern } from './pseudonyms.js';

const secretNote = 'Vertrauliche Notiz zum Vorstand';
const secretOutcome = 'Ergebnis: Streit im Vorstand geschlichtet';
const secretPerson = 'Hatice Beispielfrau';

/** Every name, e-mail and free text of the data that must never reach the evaluator. */
async function forbiddenTexts(db: Db): Promise<string[]> {
  const texts = await Promise.all([
    db.selectFrom('organisation_name').select('name as text').execute(),
    db.selectFrom('organisation').select('email as text').execute(),
    db.selectFrom('organisation').select('website as text').execute(),
    db.selectFrom('participation').select('person_name as text').execute(),
    db.selectFrom('participation').select('email as text').execute(),
    db.selectFrom('person').select('full_name as text').execute(),
    db.selectFrom('person').select('email as text').execute(),
    db.selectFrom('consultation').select('persons as text').execute(),
    db.selectFrom('consultation').select('notes as text').execute(),
    db.selectFrom('consultation').select('outcome as text').execute(),
  ]);
  return [...new Set(texts.flat().map((row) => row.text?.trim() ?? ''))].filter((text) => text.length >= 3);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The texts found in a response, as a whole word (a three-letter acronym inside a pseudonym is no leak). */
function leaks(body: string, texts: string[]): string[] {
  return texts.filter((text) => [text, escapeHtml(text)].some((variant) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(variant)}(?![\\p{L}\\p{N}])`, 'u').test(body)));
}

describe('pseudonymised records for the evaluation', () => {
  let test: TestApp;
  let db: Db;
  let evaluator: SignedIn;
  let forbidden: string[];
  beforeAll(async () => {
    test = await createTestApp();
    db = test.database.db;
    await loadDemo(db);
    const consultation = await db.selectFrom('consultation').select(['id', 'organisation_id']).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('consultation').set({ notes: secretNote, outcome: secretOutcome, persons: secretPerson, topic: 'application', topics: ['application', 'rooms'] }).where('id', '=', consultation.id).execute();
    evaluator = await test.signIn('evaluator');
    forbidden = await forbiddenTexts(db);
    expect(forbidden).toEqual(expect.arrayContaining([secretNote, secretOutcome, secretPerson]));
    expect(forbidden.length).toBeGreaterThan(100);
  }, 120_000);
  afterAll(async () => test?.close());

  const get = (url: string, who: SignedIn = evaluator) => test.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const csvRows = (body: string) => parse(body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];

  it('makes stable, well-formed pseudonyms from a secret', () => {
    const one = pseudonymiser('s'.repeat(40));
    expect(one.organisation(7)).toMatch(pseudonymPattern);
    expect(one.organisation(7)).toMatch(/^O-/);
    expect(one.person(7, 'ayse yilmaz')).toMatch(/^P-[0-9A-Z]{8}$/);
    expect(pseudonymiser('s'.repeat(40)).organisation(7)).toBe(one.organisation(7));
    expect(pseudonymiser('t'.repeat(40)).organisation(7)).not.toBe(one.organisation(7));
    expect(one.person(7, 'ayse yilmaz')).not.toBe(one.person(8, 'ayse yilmaz'));
    expect(one.person(7, '')).toBeNull();
  });

  it('shows no name, e-mail, website or note on any page or in any export', async () => {
    const responses: [string, string][] = [];
    const fetch = async (url: string) => {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      responses.push([url, response.body]);
      return response.body;
    };
    await fetch('/evaluation');
    const organisations = csvRows(await fetch('/evaluation/organisations.csv'));
    expect(organisations.length).toBeGreaterThan(50);
    const years = Object.keys(organisations[0]).filter((column) => column.startsWith('events_')).map((column) => column.slice('events_'.length));
    for (const year of years) {
      for (let page = 1; page <= Math.ceil(organisations.length / 50); page += 1) await fetch(`/evaluation/organisations?year=${year}&page=${page}`);
    }
    for (const { pseudonym } of organisations) await fetch(`/evaluation/organisations/${pseudonym}`);
    const participations = csvRows(await fetch('/evaluation/participations.csv'));
    expect(participations.length).toBeGreaterThan(200);
    for (let page = 1; page <= Math.ceil(participations.length / 50); page += 1) await fetch(`/evaluation/participations?page=${page}`);
    const found = responses.flatMap(([url, body]) => leaks(body, forbidden).map((text) => `${url}: ${text}`));
    expect(found).toEqual([]);
    // the check itself finds names where staff see them
    expect(leaks((await get('/organisations?sort=name', await test.signIn('staff'))).body, forbidden).length).toBeGreaterThan(10);
    expect(organisations[0]).not.toHaveProperty('name');
    expect(Object.keys(participations[0])).toEqual(['event', 'format', 'date', 'organisation', 'person']);
  }, 120_000);

  it('shows a timeline with events, consultations and grants, without notes, persons or outcome', async () => {
    const consultation = await db.selectFrom('consultation').select(['organisation_id']).where('notes', '=', secretNote).executeTakeFirstOrThrow();
    const pseudonym = (await pseudonymiserFor(db)).organisation(consultation.organisation_id);
    const page = await get(`/evaluation/organisations/${pseudonym}?lang=en`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Timeline of ${pseudonym}`);
    expect(page.body).toMatch(/<td class="kern-table__cell"[^>]*><div class="mosaik-table__value">Application, Rooms<\/div><\/td>/);
    expect(leaks(page.body, [secretNote, secretOutcome, secretPerson])).toEqual([]);
    expect((await get('/evaluation/organisations/O-00000000')).statusCode).toBe(404);
    expect((await get('/evaluation/organisations/nonsense')).statusCode).toBe(404);
  });

  it('shows counts below the threshold as "< 3" in tables and exports, zeros as they are', async () => {
    const rows = csvRows((await get('/evaluation/organisations.csv')).body);
    const counts = rows.flatMap((row) => Object.entries(row).filter(([column]) => /^(events|consultations|grants)_\d{4}$/.test(column)).map(([, value]) => value));
    expect(counts).toContain('< 3');
    expect(counts).toContain('0');
    expect(counts.filter((value) => value === '1' || value === '2')).toEqual([]);
    const year = /_(\d{4})$/.exec(Object.keys(rows[0]).at(-1)!)![1];
    const page = await get(`/evaluation/organisations?year=${year}`);
    expect(page.body).toContain('&lt; 3');
    expect(page.body).toMatch(/<td class="kern-table__cell[^"]*"[^>]*><div class="mosaik-table__value">&lt; 3<\/div><\/td>/);
    expect(page.body).not.toMatch(/<td class="kern-table__cell[^"]*"[^>]*><div class="mosaik-table__value">[12]<\/div><\/td>/);
  });

  it('gives a person the same pseudonym at every event of the same organisation', async () => {
    const repeated = await db
      .selectFrom('participation')
      .select(['organisation_id', 'person_key'])
      .where('person_key', '<>', '')
      .where('organisation_id', 'is not', null)
      .groupBy(['organisation_id', 'person_key'])
      .having((eb) => eb.fn.count('event_id'), '>', 1)
      .executeTakeFirstOrThrow();
    const pseudonyms = await pseudonymiserFor(db);
    const person = pseudonyms.person(repeated.organisation_id, repeated.person_key)!;
    const rows = csvRows((await get('/evaluation/participations.csv')).body).filter((row) => row.person === person);
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((row) => row.event)).size).toBe(rows.length);
    expect(new Set(rows.map((row) => row.organisation))).toEqual(new Set([pseudonyms.organisation(repeated.organisation_id!)]));
  });

  it('keeps pseudonyms across app instances on the same database, unless the operator sets a secret', async () => {
    const settings = readSettings({ MOSAIK_DEMO: 'false' });
    // a second Kysely instance over the same connection: nothing cached is shared
    const second = await buildApp({ db: db.withoutPlugins(), settings });
    await second.ready();
    try {
      const again = await second.inject({ method: 'GET', url: '/evaluation/organisations.csv', headers: { cookie: evaluator.cookie } });
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe((await get('/evaluation/organisations.csv')).body);
    } finally {
      await second.close();
    }
    expect(await db.selectFrom('installation_secret').select('name').execute()).toEqual([{ name: 'pseudonym' }]);
    const configured = await pseudonymiserFor(db.withoutPlugins(), { MOSAIK_PSEUDONYM_SECRET: 'o'.repeat(40) });
    expect(configured.organisation(1)).not.toBe((await pseudonymiserFor(db)).organisation(1));
    expect(() => pseudonymiserFor(db.withoutPlugins(), { MOSAIK_PSEUDONYM_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });

  it('audits every export; admins may look, staff pages stay closed to the evaluator', async () => {
    const exports = await db.selectFrom('audit_log').select(['account_id', 'details']).where('action', '=', 'evaluation.export').execute();
    expect(exports.length).toBeGreaterThan(3);
    expect(exports.every((entry) => entry.account_id === evaluator.accountId)).toBe(true);
    expect(exports.map((entry) => entry.details.list)).toEqual(expect.arrayContaining(['organisations', 'participations']));
    expect((await get('/evaluation', await test.signIn('admin'))).statusCode).toBe(200);
    for (const url of ['/organisations', '/consultations', '/people', '/admin/audit']) expect((await get(url)).statusCode, url).toBe(403);
    expect((await get('/evaluation', await test.signIn('staff'))).statusCode).toBe(403);
  });
});
