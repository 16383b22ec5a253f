import fc from 'fast-check';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/tables.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/database.js';
import { count, csv, fixture, rowCounts, snapshot } from '../../../test/fixtures/imports/helpers.js';
import { formatProblems, importFile, importKinds, importRecords } from './index.js';

/** All or nothing, dry runs, concurrent imports and the problem cap (spec/exchange.md, "Command line"). */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ poolSize: 4 });
});
afterAll(async () => database?.close());
beforeEach(async () => {
  await sql`drop trigger if exists fail_on_boom on participation`.execute(database.db);
  await sql`truncate organisation, event, feedback_form, consultation, grant_application, import_run restart identity cascade`.execute(database.db);
  await importFile(database.db, 'events', fixture('events.csv'));
});

/** An attendance list of `rows` people, ten from each organisation (Verein 0, Verein 1, …). */
function attendance(rows: number, change: (index: number) => string | null = () => null) {
  const lines = ['event_key,organization,person,email'];
  for (let index = 0; index < rows; index += 1) {
    lines.push(change(index) ?? `ev-2018-08-24,Verein ${Math.floor(index / 10)} e.V.,Person ${index},p${index}@example.org`);
  }
  return csv(lines, 'teilnahme.csv');
}

describe(`all or nothing on ${testEngine}`, () => {
  it('stores nothing of 20,000 rows when one row in the middle is bad, and names its line and column', async () => {
    const before = await rowCounts(database.db);
    const outcome = await importFile(database.db, 'participants', attendance(20_000, (index) => (index === 10_000 ? 'ev-2018-08-24,Verein 1,Person X,p-at-example.org' : null)));
    expect(outcome.stored).toBe(false);
    expect(outcome.rows).toBe(20_000);
    expect(outcome.problems).toEqual([expect.objectContaining({ line: 10_002, column: 'email', code: 'email' })]);
    expect(formatProblems(outcome, 'de')[0]).toMatch(/^teilnahme\.csv:10002:email: „p-at-example\.org“ ist keine E-Mail-Adresse/);
    expect(await rowCounts(database.db)).toEqual(before);
    expect(await count(database.db, 'import_run')).toBe(1); // the events fixture only
  }, 120_000);

  /**
   * Runs the import on a connection pool of its own whose clients survive a
   * dropped connection: pg emits the drop as an 'error' event, which without a
   * listener ends the whole process (src/db/connection.ts should listen too).
   */
  async function onOwnPool<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('connect', (client) => client.on('error', () => {}));
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      return await work(db);
    } finally {
      await db.destroy();
    }
  }

  // PGlite has no connection to drop; there the failing statement stands for both
  const failures = testEngine === 'postgres' ? ["raise exception 'simulated failure'", 'perform pg_terminate_backend(pg_backend_pid())'] : ["raise exception 'simulated failure'"];

  it('leaves nothing half-stored when a later statement fails or the connection drops', async () => {
    const file = attendance(200, (index) => (index === 150 ? 'ev-2018-08-24,Verein 3,BOOM,' : null));
    const before = await snapshot(database.db);
    for (const failure of failures) {
      // organisations are created first; then the participation insert fails
      await sql`
        create or replace function fail_on_boom() returns trigger language plpgsql as $$
        begin
          if new.person_name = 'BOOM' then ${sql.raw(failure)}; end if;
          return new;
        end $$`.execute(database.db);
      await sql`create trigger fail_on_boom before insert on participation for each row execute function fail_on_boom()`.execute(database.db);
      const attempt = (db: Kysely<Database>) => importFile(db, 'participants', file);
      await expect(testEngine === 'postgres' ? onOwnPool(attempt) : attempt(database.db), failure).rejects.toThrow();
      expect(await snapshot(database.db)).toEqual(before);
      await sql`drop trigger fail_on_boom on participation`.execute(database.db);
    }
    // the database is usable afterwards, and the same file without the failure goes in
    expect(await importFile(database.db, 'participants', file)).toMatchObject({ stored: true, created: 200 });
  });

  it('a dry run stores nothing and reports what the real run then does', async () => {
    await importFile(database.db, 'participants', attendance(100));
    const file = attendance(300);
    const before = await snapshot(database.db);
    const dry = await importFile(database.db, 'participants', file, { dryRun: true });
    expect(dry.stored).toBe(false);
    expect(await snapshot(database.db)).toEqual(before);
    expect(await count(database.db, 'import_run')).toBe(2);
    const real = await importFile(database.db, 'participants', file);
    expect(real.stored).toBe(true);
    const { stored: _dry, ...dryCounts } = dry;
    const { stored: _real, runId: _runId, ...realCounts } = real;
    expect(dryCounts).toEqual(realCounts);
    expect(real).toMatchObject({ rows: 300, created: 200, unchanged: 100, matchedOrganisations: 100 });
    expect(real.newOrganisations).toHaveLength(20);
  });

  it('lists 200 problems and sums up the rest', async () => {
    const outcome = await importFile(database.db, 'participants', attendance(1000, (index) => `ev-2018-08-24,Verein,Person ${index},kaputt${index}`));
    expect(outcome.problems).toHaveLength(201);
    expect(outcome.problems.slice(0, 200).map((problem) => problem.line)).toEqual(Array.from({ length: 200 }, (_, index) => index + 2));
    expect(outcome.problems[200]).toMatchObject({ code: 'more_problems', more: 800 });
    expect(outcome.problems[200].message.de).toBe('… und 800 weitere Probleme. Beheben Sie die genannten und prüfen Sie die Datei erneut.');
    expect(outcome.problems[200].message.en).toBe('… and 800 more problems. Fix the ones listed and check the file again.');
    expect(formatProblems(outcome, 'en').at(-1)).toBe('teilnahme.csv: … and 800 more problems. Fix the ones listed and check the file again.');
    expect(formatProblems(outcome, 'de', 10)).toHaveLength(11);
    expect(formatProblems(outcome, 'de', 10).at(-1)).toContain('… und 990 weitere Probleme');
  });
});

describe(`concurrent imports on ${testEngine}`, () => {
  it('two lists naming the same new organisation at the same time create it once and both are stored', async () => {
    const first = csv(['event_key,organization,person', 'ev-2018-08-24,Neue Initiative Fulda,Anna', 'ev-2018-08-24,Neue Initiative Fulda,Ben', 'ev-2018-08-24,Verein A,Cem']);
    const second = csv(['event_key,organization,person', 'ev-2018-08-24,NEUE INITIATIVE FULDA e.V.,anna', 'ev-2018-04-14,Neue Initiative Fulda i. G.,Dana', 'ev-2018-04-14,Verein A,Cem']);
    for (let round = 0; round < 3; round += 1) {
      await sql`truncate organisation, participation restart identity cascade`.execute(database.db);
      const [a, b] = await Promise.all([importFile(database.db, 'participants', first), importFile(database.db, 'participants', second)]);
      expect(a.stored && b.stored).toBe(true);
      expect(a.created + b.created).toBe(5);
      expect(a.unchanged + b.unchanged).toBe(1);
      expect(a.newOrganisations.length + b.newOrganisations.length).toBe(2);
      const organisations = await database.db.selectFrom('organisation').select('name').orderBy('id').execute();
      expect(organisations).toHaveLength(2);
      expect(await count(database.db, 'participation')).toBe(5);
    }
  });
});

describe(`importFile on anything, on ${testEngine}`, () => {
  it('never throws: arbitrary bytes come back as problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...importKinds), fc.uint8Array({ maxLength: 200 }), async (kind, bytes) => {
        const outcome = await importFile(database.db, kind, { name: 'x.csv', bytes });
        if (!outcome.stored) expect(outcome.problems.length + outcome.rows).toBeGreaterThanOrEqual(0);
        for (const problem of outcome.problems) expect(problem.message.de && problem.message.en).toBeTruthy();
      }),
      { numRuns: 150 },
    );
  });

  it('never throws: arbitrary cells under the right headings come back as problems or are stored', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '1', '16', '31.02.2019', '2019-06-01', 'ev-2018-08-24', 'a|b', 'e.V.', '\u0000', '\ud800'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...importKinds), fc.array(fc.dictionary(fc.constantFrom('event_key', 'organization', 'person', 'org_key', 'name', 'date', 'channel', 'year', 'q1', 'response_key', 'status'), cell), { maxLength: 5 }), async (kind, records) => {
        const outcome = await importRecords(database.db, kind, records, { dryRun: true });
        expect(outcome.stored).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
