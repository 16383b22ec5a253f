import { sql } from 'kysely';
import { personalDataOf } from '../module.js';
import { registeredModules } from '../registry.js';
import { accountMatches, accountNullRows, centre, legitimate, rows, staffAccount, type CatalogueEntry, type Personal } from '../catalogue.js';

export type { Category, CatalogueEntry, NotPersonal, Personal, SampleFixture } from '../catalogue.js';

/**
 * The personal-data catalogue: every table of the schema, classified.
 * A table either holds no personal data (and says why), or names the columns
 * that do, what they are for, on which legal basis, who receives them, how
 * long they are kept, how one person's rows are found (`find`) and how they
 * are erased (`erase`). Export (Art. 15/20), erasure (Art. 17), retention and
 * docs/privacy.md (Art. 30) are all built from this list; personal-data.test.ts
 * fails for a table of the live schema that is missing here.
 *
 * Each module keeps the entries of its own tables in its personal-data.ts and
 * brings them through its `module` (MosaikModule.personalData); this file
 * holds the privacy module's own tables and the whole list; the types and
 * helpers are in src/modules/catalogue.ts.
 * Adding a table: add an entry to its module's list (personal or not); for a
 * personal one a `sample` (or a sample row in samples.test-support.ts) so the
 * export and erasure tests cover it.
 */
export const privacyPersonalData: CatalogueEntry[] = [
  {
    table: 'retention_rule', personal: true, columns: ['updated_by'], categories: ['technical'],
    subjects: staffAccount, purpose: 'Wer eine Aufbewahrungsregel zuletzt geändert hat', legalBasis: legitimate, recipients: centre,
    retention: 'solange die Regel besteht', finds: 'updated_by = Konto der Person',
    find: (db, s) => rows(db, sql`select * from retention_rule where ${accountMatches(s, 'updated_by')}`),
    erasure: 'updated_by geleert', erase: accountNullRows('retention_rule', ['updated_by']),
  },
];

/**
 * The whole catalogue: what each module of src/modules/registry.ts brings for
 * its own tables (MosaikModule.personalData, in the registry's order; this
 * module's own entries above come through its `module` too, last).
 */
export const catalogue = (): CatalogueEntry[] => registeredModules().flatMap(personalDataOf);
export const personalTables = () => catalogue().filter((entry): entry is Personal => entry.personal);
export const catalogueEntry = (table: string) => catalogue().find((entry) => entry.table === table);
