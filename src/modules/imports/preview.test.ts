import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/tables.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { csv, fixture, snapshot } from '../../../test/fixtures/imports/helpers.js';
import { importFile, type ImportKind, type ImportOutcome } from './index.js';

/**
 * The preview (a dry run) reads only (issue 9): it writes nothing — not even
 * a row it undoes, nor a sequence number —, takes no lock, and counts exactly
 * what confirming the same file then does, for every kind of list.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ poolSize: 4 });
  await sql`truncate organisation, event, feedback_form, consultation, grant_application, import_run restart identity cascade`.execute(database.db);
});
afterAll(async () => database?.close());

/** Every sequence's position: a write undone by a rollback still moves them. */
async function sequences(db: Kysely<Database>) {
  const { rows } = await sql<{ name: string; value: string | null }>`
    select sequencename as name, last_value::text as value from pg_sequences where schemaname = current_schema() order by 1`.execute(db);
  return rows;
}

/** What the outcome says, without what only a stored import has. */
const counts = ({ stored: _stored, runId: _runId, ...rest }: ImportOutcome) => rest;

/** Previews the file, proves nothing moved, then stores it and compares the two outcomes. */
async function previewThenImport(kind: ImportKind, file: { name: string; bytes: Uint8Array }) {
  const before = { tables: await snapshot(database.db), sequences: await sequences(database.db) };
  const preview = await importFile(database.db, kind, file, { dryRun: true });
  expect(preview.stored).toBe(false);
  expect(preview.runId).toBeUndefined();
  expect({ tables: await snapshot(database.db), sequences: await sequences(database.db) }).toEqual(before);
  const stored = await importFile(database.db, kind, file);
  expect(stored.problems).toEqual([]);
  expect(stored.stored).toBe(true);
  expect(stored.runId).toEqual(expect.any(Number));
  expect(counts(preview)).toEqual(counts(stored));
  return stored;
}

const kinds: ImportKind[] = ['organizations', 'events', 'participants', 'feedback', 'consultations', 'grants'];

describe(`the import preview on ${testEngine}`, () => {
  it('counts what the import then does, list by list, and writes nothing', async () => {
    // first time: mostly new rows, and organisations created for unknown names
    for (const kind of kinds) await previewThenImport(kind, fixture(`${kind}.csv`));
    // the same lists again: everything unchanged
    for (const kind of kinds) {
      const again = await previewThenImport(kind, fixture(`${kind}.csv`));
      expect(again).toMatchObject({ created: 0, updated: 0, newOrganisations: [] });
    }
  });

  it('tells new, changed and unchanged rows apart as the import does', async () => {
    const changed: [ImportKind, string[]][] = [
      ['organizations', [
        'org_key,name,aliases,legal_form,founded_year,orientation,municipality,district,postcode,fields,email,website,phone',
        // a field changed, and a new alias
        'V-001,Deutsch-Türkischer Kulturverein Gießen e.V.,DTKV Gießen|Kulturverein Gießen,ev_gemeinnuetzig,1998,community,Gießen,Landkreis Gießen,35390,culture|youth,info@dtkv.example,https://dtkv.example,0641 999999',
        'V-002,Afrika Forum Kassel,,ev,2010,cross_community,Kassel,Kassel,34117,education,,,',
        'V-900,Brandneuer Verein Hanau,,ev,2020,community,Hanau,Main-Kinzig-Kreis,63450,culture,,,',
      ]],
      ['events', ['event_key;title;format;start_date;organizer;municipality;district;capacity;per_org_limit', 'ev-2017-09-30;Netzwerktreffen Groß-Gerau (verlegt);regional_network_meeting;30.09.2017;centre;Groß-Gerau;Kreis Groß-Gerau;40;3', 'ev-2030-01-12;Neues Treffen;regional_network_meeting;12.01.2030;centre;Hanau;Main-Kinzig-Kreis;30;2']],
      ['participants', ['event_key,organization,person,email', 'ev-2017-09-30,Deutsch-Tuerkischer Kulturverein Giessen,Ayşe Yılmaz,ayse.neu@example.org', 'ev-2017-09-30,Eritreische Gemeinde Marburg,Yonas Tesfay,', 'ev-2017-09-30,Ganz Neue Initiative Kassel,Lea,']],
      ['feedback', ['event_key,response_key,q1,q2,q3,q4,q5,comment_more,comment_improve,language', 'ev-2017-09-30,1,2,1,2,1,,Mehr Zeit für Austausch,,de', 'ev-2017-09-30,99,1,1,1,1,,,,ar']],
      ['consultations', ['date,organization,channel,topic,duration_minutes', '12.03.2018,Deutsch-Türkischer Kulturverein Gießen e.V.,phone,Antrag WIR,45', '2018-03-20,Afrika Forum Kassel,in_person,Verwendungsnachweis,90', '2020-01-02,Noch Eine Initiative Gießen,email,,']],
      ['grants', ['year;organization;application_type;status;approved_on;summary;amount_eur;duration_months', '2018;DTKV Gießen;Erstantrag;approved;15.06.2018;Hausaufgabenhilfe;"4.600,00";12', '2019;Afrika Forum Kassel;new;rejected;;;;', '2020;Brandneuer Verein Hanau;new;submitted;;;;']],
    ];
    for (const [kind, lines] of changed) {
      const outcome = await previewThenImport(kind, csv(lines, `${kind}-2.csv`));
      expect(outcome.created + outcome.updated, kind).toBeGreaterThan(0);
      expect(outcome.updated, kind).toBeGreaterThan(0);
    }
  });

  // PGlite is one connection: there nothing else can hold a lock while the preview runs
  if (testEngine === 'postgres') it('does not wait for an import that holds the lock', async () => {
    // another connection holds the import lock, as a running import does
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const other = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await other.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext('mosaik.import'))`.execute(trx);
        await sql`set local statement_timeout = 0`.execute(trx);
        const preview = await Promise.race([
          importFile(database.db, 'participants', fixture('participants.csv'), { dryRun: true }),
          new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 10_000)),
        ]);
        expect(preview).toMatchObject({ stored: false, problems: [] });
      });
    } finally {
      await other.destroy();
    }
  });
});
