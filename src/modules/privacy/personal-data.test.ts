import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { catalogue, personalTables } from './personal-data.js';

/*
 * Every table of the live schema is classified in the catalogue, so that a new
 * table fails the suite until someone says whether it holds personal data and,
 * if it does, how export, erasure and retention reach it.
 */

let database: TestDatabase;
let columns: Map<string, Set<string>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'schema_migration'`.execute(database.db);
  columns = new Map();
  for (const row of rows) columns.set(row.table_name, (columns.get(row.table_name) ?? new Set()).add(row.column_name));
});
afterAll(async () => database?.close());

describe('the personal-data catalogue', () => {
  it('classifies every table of the schema', () => {
    const classified = new Set(catalogue().map((entry) => entry.table));
    const missing = [...columns.keys()].filter((table) => !classified.has(table)).sort();
    const fix = missing.map(
      (table) =>
        `Table "${table}" is not in src/modules/privacy/personal-data.ts. Add { table: '${table}', personal: false, why: '…' }, ` +
        `or a personal entry with its columns, purpose, legal basis, retention, find and erase (and a sample row in samples.test-support.ts).`,
    );
    expect(fix).toEqual([]);
  });

  it('names only tables and columns that exist, each table once', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const entry of catalogue()) {
      if (seen.has(entry.table)) problems.push(`${entry.table} is listed twice`);
      seen.add(entry.table);
      const known = columns.get(entry.table);
      if (!known) problems.push(`${entry.table} is in the catalogue but not in the schema: remove or rename the entry`);
      else if (entry.personal) for (const column of entry.columns) if (!known.has(column)) problems.push(`${entry.table}.${column} does not exist`);
    }
    expect(problems).toEqual([]);
  });

  it('describes every personal table completely', () => {
    for (const entry of personalTables()) {
      for (const field of ['purpose', 'legalBasis', 'recipients', 'retention', 'finds', 'erasure', 'subjects'] as const) {
        expect(entry[field].length, `${entry.table}.${field}`).toBeGreaterThan(3);
      }
      expect(entry.columns.length, entry.table).toBeGreaterThan(0);
      expect(entry.categories.length, entry.table).toBeGreaterThan(0);
    }
  });

  it('flags the special category where association membership shows', () => {
    const special = personalTables().filter((entry) => entry.categories.includes('special')).map((entry) => entry.table);
    expect(special).toEqual(expect.arrayContaining(['person', 'person_role', 'participation', 'registration', 'consultation']));
  });
});
