import { sql } from 'kysely';
import { rows, idsOf, idIn, centre, centreAndCoordinators, contract, publicTask, accountMatches, emailMatches, erasedName, nameKeyMatches, redact, type CatalogueEntry } from '../catalogue.js';

/**
 * This module's tables in the personal-data catalogue (src/modules/privacy):
 * what each holds, why, for whom, how long, and how one person's rows are
 * found and erased. Export, erasure, retention and docs/privacy.md are built
 * from the whole catalogue; this module erases its own rows here.
 * A function, read when the catalogue is needed (src/modules/registry.ts).
 */
export const personalData = (): CatalogueEntry[] => [
  {
    table: 'participation', personal: true, columns: ['person_name', 'person_key', 'email', 'organisation_id'], categories: ['contact', 'special'],
    subjects: 'Teilnehmende an Veranstaltungen', purpose: 'Teilnahme nachweisen; Wirkungsbericht (nur Zählungen)',
    legalBasis: publicTask, recipients: centreAndCoordinators,
    retention: 'E-Mail 1 Jahr nach der Veranstaltung gelöscht; Name bleibt für den Nachweis der Teilnahme', rule: 'registration_contacts',
    finds: 'gleiche E-Mail, oder person_key = normalisierter Name in einer Organisation der Person',
    find: (db, s) => rows(db, sql`select * from participation where ${emailMatches(s, 'email')} or ${nameKeyMatches(s, 'person_key', 'organisation_id')} order by id`),
    erasure: 'Name → „Gelöschte Person“, person_key → erased:<id> (Zählungen bleiben), E-Mail geleert',
    erase: async (db, _s, found) => {
      await sql`update participation set person_name = ${erasedName}, person_key = 'erased:' || id, email = null where ${idIn('id', idsOf(found))}`.execute(db);
    },
  },
  {
    table: 'registration_group', personal: true, columns: ['contact_email', 'account_id'], categories: ['contact'],
    subjects: 'Anmeldende (Kontaktperson einer Gruppenanmeldung)', purpose: 'Bestätigung und Verwaltung der Anmeldung', legalBasis: contract, recipients: centre,
    retention: 'Kontakt-E-Mail 1 Jahr nach der Veranstaltung geleert', rule: 'registration_contacts',
    finds: 'contact_email = E-Mail der Person, oder account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select * from registration_group where ${emailMatches(s, 'contact_email')} or ${accountMatches(s, 'account_id')} order by id`),
    erasure: 'Kontakt-E-Mail geleert, Konto-Verknüpfung gelöst', hidden: ['manage_token_hash'],
    erase: async (db, _s, found) => {
      await sql`update registration_group set contact_email = '', account_id = null where ${idIn('id', idsOf(found))}`.execute(db);
    },
  },
  {
    table: 'registration', personal: true, columns: ['person_name', 'person_key', 'email', 'language', 'organisation_id'], categories: ['contact', 'special'],
    subjects: 'Angemeldete Personen', purpose: 'Anmeldung, Warteliste, Einlass', legalBasis: contract, recipients: centre,
    retention: 'E-Mail 1 Jahr nach der Veranstaltung geleert', rule: 'registration_contacts',
    finds: 'gleiche E-Mail, oder person_key = normalisierter Name in einer Organisation der Person',
    find: (db, s) => rows(db, sql`select * from registration where ${emailMatches(s, 'email')} or ${nameKeyMatches(s, 'person_key', 'organisation_id')} order by id`),
    erasure: 'Name → „Gelöschte Person“, person_key → erased:<id>, E-Mail geleert (Status und Zählungen bleiben)',
    erase: async (db, _s, found) => {
      await sql`update registration set person_name = ${erasedName}, person_key = 'erased:' || id, email = null, updated_at = now() where ${idIn('id', idsOf(found))}`.execute(db);
    },
  },
  {
    table: 'registration_status_change', personal: true, columns: ['registration_id', 'account_id', 'reason'], categories: ['technical', 'free_text'],
    subjects: 'Angemeldete Personen; Mitarbeitende, die den Status änderten', purpose: 'Verlauf einer Anmeldung (wer, wann, warum)', legalBasis: contract, recipients: centre,
    retention: 'mit der Anmeldung', finds: 'Verlauf der gefundenen Anmeldungen, oder account_id = Konto der Person',
    find: (db, s) => rows(db, sql`select c.* from registration_status_change c join registration r on r.id = c.registration_id
      where ${emailMatches(s, 'r.email')} or ${nameKeyMatches(s, 'r.person_key', 'r.organisation_id')} or ${accountMatches(s, 'c.account_id')} order by c.id`),
    erasure: 'Name und E-Mail im Grund ersetzt; account_id geleert, wenn es das Konto der Person ist',
    erase: async (db, s, found) => {
      for (const row of found) {
        await sql`update registration_status_change set reason = ${redact(s, String(row.reason ?? '')) ?? ''},
          account_id = ${row.account_id === s.accountId ? null : row.account_id} where id = ${row.id}`.execute(db);
      }
    },
  },
];
