import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { count, csv, fixture, snapshot } from '../../../test/fixtures/imports/helpers.js';
import { importFile, type ImportKind } from './index.js';

/** The six list imports end to end (spec/exchange.md, "Files"), on the engine of MOSAIK_TEST_ENGINE. */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());
beforeEach(async () => {
  await sql`truncate organisation, event, feedback_form, consultation, grant_application, import_run restart identity cascade`.execute(database.db);
});

const run = (kind: ImportKind, file: { name: string; bytes: Uint8Array }) => importFile(database.db, kind, file);

async function stored(kind: ImportKind, file: { name: string; bytes: Uint8Array }) {
  const outcome = await run(kind, file);
  expect(outcome.problems).toEqual([]);
  expect(outcome.stored).toBe(true);
  return outcome;
}

const order: [ImportKind, string, number][] = [
  ['organizations', 'organizations.csv', 3],
  ['events', 'events.csv', 4],
  ['participants', 'participants.csv', 6],
  ['feedback', 'feedback.csv', 3],
  ['consultations', 'consultations.csv', 3],
  ['grants', 'grants.csv', 3],
];

const organisations = () =>
  database.db.selectFrom('organisation').select(['id', 'name', 'org_key', 'needs_review']).orderBy('id').execute();

describe(`the six imports on ${testEngine}`, () => {
  it('create every row of the fixtures once; the same files again change nothing', async () => {
    for (const [kind, file, rows] of order) {
      const outcome = await stored(kind, fixture(file));
      expect(outcome, kind).toMatchObject({ rows, created: rows, updated: 0, unchanged: 0 });
    }
    const before = await snapshot(database.db);
    for (const [kind, file, rows] of order) {
      const again = await stored(kind, fixture(file));
      expect(again, kind).toMatchObject({ rows, created: 0, updated: 0, unchanged: rows, newOrganisations: [] });
    }
    expect(await snapshot(database.db)).toEqual(before);
    // the runs themselves are recorded
    expect(await count(database.db, 'import_run')).toBe(12);
  });

  it('count a changed value as updated, once', async () => {
    for (const [kind, file] of order) await stored(kind, fixture(file));
    const changed: [ImportKind, string[]][] = [
      ['organizations', ['org_key,name,phone', 'V-002,Afrika Forum Kassel,0561 999']],
      ['events', ['event_key,title,format,start_date', 'ev-2018-04-14,Schulung Antragstellung (Frankfurt),training_application,2018-04-14']],
      ['participants', ['event_key,organization,person,email', 'ev-2017-09-30,DTKV Gießen,Mehmet Kaya,mehmet@example.org']],
      ['feedback', ['event_key,response_key,q1,q2,q4', 'ev-2017-09-30,2,3,1,1']],
      ['consultations', ['date,organization,channel,topic,duration_minutes', '2018-03-20,Afrika Forum Kassel,in_person,Verwendungsnachweis,60']],
      ['grants', ['year,organization,application_type,status', '2019,Afrika Forum Kassel,new,withdrawn']],
    ];
    for (const [kind, lines] of changed) {
      expect(await stored(kind, csv(lines)), kind).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
      expect(await stored(kind, csv(lines)), kind).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    }
    const grant = await database.db.selectFrom('grant_application').select('status').where('year', '=', 2019).where('application_type', '=', 'new').executeTakeFirstOrThrow();
    expect(grant.status).toBe('withdrawn');
  });

  it('stores what the lists say', async () => {
    for (const [kind, file] of order) await stored(kind, fixture(file));
    const dtkv = await database.db.selectFrom('organisation').selectAll().where('org_key', '=', 'V-001').executeTakeFirstOrThrow();
    expect(dtkv).toMatchObject({ name: 'Deutsch-Türkischer Kulturverein Gießen e.V.', legal_form: 'ev_gemeinnuetzig', founded_year: 1998, postcode: '35390', fields: ['culture', 'youth'], needs_review: false });
    const event = await database.db.selectFrom('event').selectAll().where('event_key', '=', 'ev-2018-04-14').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ start_date: '2018-04-14', organizer: 'centre', capacity: 20, per_org_limit: 2 });
    const partner = await database.db.selectFrom('event').select('organizer').where('event_key', '=', 'ev-2017-11-04').executeTakeFirstOrThrow();
    expect(partner.organizer).toBe('partner');
    const grants = await database.db.selectFrom('grant_application').select(['year', 'organisation_id', 'application_type', 'amount_eur', 'approved_on']).orderBy('year').execute();
    expect(grants.slice(0, 2)).toEqual([
      { year: 2018, organisation_id: dtkv.id, application_type: 'new', amount_eur: 4500, approved_on: '2018-06-15' },
      { year: 2019, organisation_id: dtkv.id, application_type: 'follow_up', amount_eur: 5000, approved_on: '2019-05-20' },
    ]);
    const comment = await sql<{ text_value: string }>`select text_value from feedback_answer where text_value like 'Der Raum%'`.execute(database.db);
    expect(comment.rows[0].text_value).toBe('Der Raum war zu klein; bitte "größer"');
  });

  it('reads a Windows-1252 list with the same result as UTF-8', async () => {
    await stored('events', fixture('events.csv'));
    const outcome = await stored('participants', fixture('participants-windows-1252.csv'));
    expect(outcome.newOrganisations.map((organisation) => organisation.name)).toEqual(['Deutsch-Türkischer Kulturverein Gießen e.V.', 'Förderverein Büchereien & Bildung']);
    const grants = await stored('grants', fixture('grants-windows-1252.csv'));
    expect(grants).toMatchObject({ created: 1, matchedOrganisations: 1, newOrganisations: [] });
    const row = await database.db.selectFrom('grant_application').select(['summary', 'amount_eur']).executeTakeFirstOrThrow();
    expect(row).toEqual({ summary: 'Lesepaten – Bücher für alle', amount_eur: 1234.5 });
  });

  it('imports an XLSX workbook like the same CSV: real dates, text dates, numbers, empty cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Veranstaltungen');
    sheet.addRow(['event_key', 'title', 'format', 'start_date', 'organizer', 'capacity']);
    sheet.addRow(['ev-x1', 'Schreibwerkstatt Kassel', 'writing_workshop', new Date(Date.UTC(2017, 11, 16)), null, 12]);
    sheet.addRow(['ev-x2', 'Netzwerktreffen Langen', 'regional_network_meeting', '15.11.2018', 'centre', null]);
    sheet.getColumn(4).numFmt = 'dd.mm.yyyy';
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await stored('events', { name: 'veranstaltungen.xlsx', bytes })).toMatchObject({ rows: 2, created: 2 });
    const events = await database.db.selectFrom('event').select(['event_key', 'start_date', 'organizer', 'capacity']).orderBy('event_key').execute();
    expect(events).toEqual([
      { event_key: 'ev-x1', start_date: '2017-12-16', organizer: 'centre', capacity: 12 },
      { event_key: 'ev-x2', start_date: '2018-11-15', organizer: 'centre', capacity: null },
    ]);
    expect(await stored('events', { name: 'veranstaltungen.xlsx', bytes })).toMatchObject({ unchanged: 2 });
  });

  it('refuses a rating for a question the event form lacks (q5 at a regional meeting)', async () => {
    await stored('events', fixture('events.csv'));
    const outcome = await run('feedback', csv(['event_key,response_key,q1,q5', 'ev-2017-09-30,1,1,', 'ev-2017-09-30,2,1,2', 'ev-2018-08-24,1,1,2']));
    expect(outcome.stored).toBe(false);
    expect(outcome.problems).toEqual([expect.objectContaining({ line: 3, column: 'q5', code: 'no_such_question' })]);
    expect(outcome.problems[0].message.de).toContain('nur 4 Bewertungsfragen');
    expect(outcome.problems[0].message.en).toContain('only 4 rating questions');
    expect(await count(database.db, 'feedback_response')).toBe(0);
  });

  it('refuses rows naming an event that does not exist, and rows repeating an identity', async () => {
    await stored('events', fixture('events.csv'));
    const outcome = await run('participants', csv(['event_key,organization,person', 'ev-unbekannt,X,A', 'ev-2017-09-30,DTKV,Jana', 'ev-2017-09-30,dtkv e.V.,JANA']));
    expect(outcome.problems.map((problem) => [problem.line, problem.column, problem.code])).toEqual([
      [2, 'event_key', 'unknown_event'],
      [4, 'person', 'repeated_row'],
    ]);
    expect(outcome.problems[1].message.de).toContain('Zeile 3');
    expect(await count(database.db, 'organisation')).toBe(0);
  });
});

describe(`which organisation a name means, on ${testEngine}`, () => {
  const variants = ['Deutsch-Türkischer Kulturverein Gießen e.V.', 'Deutsch-Tuerkischer Kulturverein Giessen', 'DEUTSCH TÜRKISCHER KULTURVEREIN GIESSEN E. V.', 'DTKV Gießen'];

  beforeEach(async () => {
    await stored('events', fixture('events.csv'));
  });

  it('resolves the spec name variants and the alias to one organisation', async () => {
    await stored('organizations', csv(['org_key,name,aliases', 'V-001,Deutsch-Türkischer Kulturverein Gießen e.V.,DTKV Gießen']));
    const outcome = await stored('participants', csv(['event_key,organization,person', ...variants.map((name, index) => `ev-2017-09-30,${name},Person ${index}`)]));
    expect(outcome).toMatchObject({ created: 4, matchedOrganisations: 4, newOrganisations: [] });
    expect(await organisations()).toHaveLength(1);
    const ids = await sql<{ n: number }>`select count(distinct organisation_id) as n from participation`.execute(database.db);
    expect(ids.rows[0].n).toBe(1);
  });

  it('lets the distribution list adopt an organisation first created from an attendance list', async () => {
    const first = await stored('participants', csv(['event_key,organization,person', 'ev-2017-09-30,Deutsch-Tuerkischer Kulturverein Giessen,Ayşe']));
    expect(first.newOrganisations).toEqual([{ name: 'Deutsch-Tuerkischer Kulturverein Giessen', normalisedName: 'deutsch tuerkischer kulturverein giessen', lines: [2] }]);
    expect(await organisations()).toEqual([expect.objectContaining({ org_key: null, needs_review: true })]);

    const list = await stored('organizations', csv(['org_key,name,aliases', 'V-001,Deutsch-Türkischer Kulturverein Gießen e.V.,DTKV Gießen']));
    expect(list).toMatchObject({ created: 0, updated: 1 });
    expect(await organisations()).toEqual([expect.objectContaining({ name: 'Deutsch-Türkischer Kulturverein Gießen e.V.', org_key: 'V-001', needs_review: false })]);

    // the alias now finds it too
    const later = await stored('participants', csv(['event_key,organization,person', 'ev-2018-04-14,DTKV Gießen,Ayşe']));
    expect(later).toMatchObject({ matchedOrganisations: 1, newOrganisations: [] });
    expect(await organisations()).toHaveLength(1);
  });

  it('refuses a name or alias that belongs to another org_key', async () => {
    await stored('organizations', csv(['org_key,name,aliases', 'V-001,Deutsch-Türkischer Kulturverein Gießen e.V.,DTKV Gießen', 'V-002,Afrika Forum Kassel,']));
    const before = await snapshot(database.db);
    for (const lines of [
      ['org_key,name', 'V-003,DEUTSCH TÜRKISCHER KULTURVEREIN GIESSEN E. V.'],
      ['org_key,name,aliases', 'V-002,Afrika Forum Kassel,DTKV Gießen'],
      ['org_key,name', 'V-002,Deutsch-Tuerkischer Kulturverein Giessen'],
    ]) {
      const outcome = await run('organizations', csv(lines));
      expect(outcome.stored).toBe(false);
      expect(outcome.problems).toEqual([expect.objectContaining({ line: 2, column: 'name', code: 'name_belongs_to_other' })]);
      expect(outcome.problems[0].message.de).toContain('org_key V-001');
      expect(outcome.problems[0].message.en).toContain('org_key V-001');
    }
    expect(await snapshot(database.db)).toEqual(before);
  });

  it('keeps an earlier name as an alias when the list renames an organisation', async () => {
    await stored('organizations', csv(['org_key,name', 'V-001,Türkischer Elternverein Gießen']));
    const renamed = await stored('organizations', csv(['org_key,name,aliases', 'V-001,Deutsch-Türkischer Elternverein Gießen e.V.,Türkischer Elternverein Gießen|DTEV']));
    expect(renamed).toMatchObject({ updated: 1 });
    expect(await stored('organizations', csv(['org_key,name,aliases', 'V-001,Deutsch-Türkischer Elternverein Gießen e.V.,Türkischer Elternverein Gießen|DTEV']))).toMatchObject({ unchanged: 1 });
    const names = await database.db.selectFrom('organisation_name').select(['normalised_name', 'is_alias']).orderBy('normalised_name').execute();
    expect(names).toEqual([
      { normalised_name: 'deutsch tuerkischer elternverein giessen', is_alias: false },
      { normalised_name: 'dtev', is_alias: true },
      { normalised_name: 'tuerkischer elternverein giessen', is_alias: true },
    ]);
    await stored('organizations', csv(['org_key,name', 'V-001,DTEV']));
    const old = await stored('participants', csv(['event_key,organization,person', 'ev-2017-09-30,Türkischer Elternverein Gießen,A', 'ev-2017-09-30,Deutsch-Türkischer Elternverein Gießen,B']));
    expect(old).toMatchObject({ matchedOrganisations: 2, newOrganisations: [] });
  });

  it('accepts an alias that spells the name again, without a problem', async () => {
    const outcome = await stored('organizations', csv(['org_key,name,aliases', 'V-001,Afrika Forum Kassel e.V.,Afrika-Forum Kassel|AFK|afk']));
    expect(outcome.created).toBe(1);
    expect(await count(database.db, 'organisation_name')).toBe(2);
  });

  it('makes unmatched names one organisation for review, within one list and across lists', async () => {
    const attendance = await stored('participants', csv([
      'event_key,organization,person',
      'ev-2017-09-30,Eritreische Gemeinde Marburg,Yonas',
      'ev-2017-09-30,Eritreische Gemeinde Marburg e.V.,Helen',
      'ev-2018-04-14,ERITREISCHE GEMEINDE MARBURG,Yonas',
    ]));
    expect(attendance.newOrganisations).toEqual([{ name: 'Eritreische Gemeinde Marburg', normalisedName: 'eritreische gemeinde marburg', lines: [2, 3, 4] }]);
    const consultations = await stored('consultations', csv(['date,organization,channel', '2018-05-02,Eritreische Gemeinde Marburg e. V.,phone']));
    const grants = await stored('grants', csv(['year,organization,application_type,status', '2019,eritreische gemeinde marburg,Erstantrag,submitted']));
    expect(consultations).toMatchObject({ matchedOrganisations: 1, newOrganisations: [] });
    expect(grants).toMatchObject({ matchedOrganisations: 1, newOrganisations: [] });
    expect(await organisations()).toEqual([expect.objectContaining({ name: 'Eritreische Gemeinde Marburg', needs_review: true, org_key: null })]);
  });
});
