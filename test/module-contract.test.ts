import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredModules } from '../src/modules/registry.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/*
 * The contract of src/modules/module.ts: a module that plugs in through the
 * registry says, from its own folder, how its rows take part in what spans
 * the whole schema. A new table with a foreign key to `organisation` fails
 * here until its module moves its rows on a merge (mergeOrganisations); a
 * new table fails until its module lists it in the personal-data catalogue
 * (export and erasure of a person are built from that list).
 */

/** Tables referencing organisation whose rows organisations/merge.ts moves itself (the older modules). */
const movedByMergeItself = [
  'account_scope', 'consultation', 'consultation_request', 'grant_application', 'organisation_claim', 'organisation_distinct_pair',
  'organisation_link', 'organisation_name', 'participation', 'person_role', 'registration', 'registration_group',
];

let database: TestDatabase;
let references: { table_name: string; target: string }[];
const owners = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  references = (
    await sql<{ table_name: string; target: string }>`
      select distinct tc.table_name, ccu.table_name as target
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public' and ccu.table_name in ('organisation', 'person') and tc.table_name <> ccu.table_name
      order by 1, 2`.execute(database.db)
  ).rows;
  for (const module of registeredModules()) {
    const face = (await import(new URL(`../src/modules/${module.name}/index.ts`, import.meta.url).href)) as { ownedTables?: readonly string[]; module?: unknown };
    expect(face.module, `src/modules/${module.name}/index.ts exports the module it registers`).toBe(module);
    for (const table of face.ownedTables ?? []) owners.set(table, module.name);
  }
});
afterAll(async () => database?.close());

describe('the module contract (src/modules/module.ts)', () => {
  it('knows how the rows of every table that references an organisation move on a merge', () => {
    const unhandled = references
      .filter((reference) => reference.target === 'organisation' && !movedByMergeItself.includes(reference.table_name))
      .filter((reference) => {
        const module = registeredModules().find((candidate) => candidate.name === owners.get(reference.table_name));
        return !module?.mergeOrganisations;
      })
      .map((reference) => `${reference.table_name} references organisation: its module needs mergeOrganisations (src/modules/module.ts)`);
    expect(unhandled).toEqual([]);
    // the list of the older tables may only shrink
    const stale = movedByMergeItself.filter((table) => !references.some((reference) => reference.table_name === table && reference.target === 'organisation'));
    expect(stale, 'tables that no longer reference organisation: remove them from movedByMergeItself').toEqual([]);
  });

  it('has every table of a registered module in its own part of the personal-data catalogue', () => {
    const problems: string[] = [];
    for (const module of registeredModules()) {
      const listed = new Set((module.personalData ?? []).map((entry) => entry.table));
      for (const [table, owner] of owners) if (owner === module.name && !listed.has(table)) problems.push(`${module.name}: ${table} is not in its personalData`);
      for (const table of listed) if (owners.get(table) !== module.name) problems.push(`${module.name}: personalData lists ${table}, which it does not own`);
      for (const entry of module.personalData ?? []) if (entry.personal && !entry.sample) problems.push(`${module.name}: ${entry.table} needs a sample for the export and erasure tests`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every registered module a name of its own that is its folder', () => {
    const names = registeredModules().map((module) => module.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z-]*$/);
  });
});
