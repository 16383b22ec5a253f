import { sql } from 'kysely';
import { rows, idIn, staffAccount, centre, publicTask, legitimate, accountNullRows, accountMatches, type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
  {
    table: 'import_upload', personal: true, columns: ['content', 'file_name', 'account_id'], categories: ['contact', 'special'],
    subjects: 'Alle Personen in hochgeladenen Listen (Rohdateien!)', purpose: 'Hochgeladene Datei zwischen Vorschau und Bestätigung', legalBasis: publicTask, recipients: centre,
    retention: 'nach 1 Tag gelöscht', rule: 'import_uploads', finds: 'account_id = Konto der Person, oder die Datei enthält ihre E-Mail',
    find: (db, s) => rows(db, sql`select id, kind, file_name, account_id, created_at, length(content) as bytes from import_upload
      where ${accountMatches(s, 'account_id')} ${sql.join(s.emails.map((e) => sql`or position(${e} in lower(encode(content, 'escape'))) > 0`), sql` `)}`),
    erasure: 'gelöscht', erase: async (db, _s, found) => {
      await sql`delete from import_upload where ${idIn('id', found.map((row) => row.id))}`.execute(db);
    },
  },
  {
    table: 'import_run', personal: true, columns: ['account_id', 'file_name'], categories: ['technical'],
    subjects: staffAccount, purpose: 'Verlauf der Importe (wer, wann, welche Datei)', legalBasis: legitimate, recipients: centre,
    retention: 'unbefristet (ohne Inhalte)', finds: 'account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from import_run where ${accountMatches(s, 'account_id')} order by id`),
    erasure: 'account_id geleert', erase: accountNullRows('import_run', ['account_id']),
  },
  {
    // a background import (security finding 8): its outcome can quote rejected cells, names among them
    table: 'import_job', personal: true, columns: ['account_id', 'file_name', 'outcome'], categories: ['contact', 'technical'],
    subjects: staffAccount, purpose: 'Stand und Ergebnis eines laufenden oder beendeten Imports im Hintergrund', legalBasis: legitimate, recipients: centre,
    retention: 'wie der Import-Verlauf; das Ergebnis nennt nur abgelehnte Zellen', finds: 'account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select id, kind, file_name, status, progress, created_at from import_job where ${accountMatches(s, 'account_id')} order by id`),
    erasure: 'Aufträge des Kontos gelöscht', erase: async (db, subject) => {
      if (subject.accountId === null) return;
      await sql`delete from import_job where account_id = ${subject.accountId}`.execute(db);
    },
  },
];
